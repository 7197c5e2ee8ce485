"""No input ever reaches a shell: the package never starts one, whatever it runs."""

from __future__ import annotations

import ast
from pathlib import Path

import screenpop

PACKAGE = Path(screenpop.__file__).parent
SHELLS = {
    ("os", "system"),
    ("os", "popen"),
    ("os", "execl"),
    ("os", "execlp"),
    ("os", "spawnl"),
    ("os", "spawnlp"),
    ("subprocess", "getoutput"),
    ("subprocess", "getstatusoutput"),
}
RUNNERS = {"run", "Popen", "call", "check_call", "check_output"}


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _why(call: ast.Call) -> list[str]:
    found = []
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else ""
    owner = (
        func.value.id
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
        else ""
    )
    if (owner, name) in SHELLS:
        found.append(f"{owner}.{name}")
    for keyword in call.keywords:
        literal_false = isinstance(keyword.value, ast.Constant) and keyword.value.value is False
        if keyword.arg == "shell" and not literal_false:
            found.append("shell=")
    one_string = (ast.Constant, ast.JoinedStr, ast.BinOp)
    # subprocess's runners only: a client's ``call("GET", …)`` is not a command line.
    runner = owner == "subprocess" and name in RUNNERS
    if runner and call.args and isinstance(call.args[0], one_string):
        found.append("a command line as one string")
    return found


def test_nothing_in_the_package_starts_a_shell() -> None:
    offences: list[str] = []
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 40
    for path in files:
        tree = ast.parse(path.read_text(), str(path))
        for call in _calls(tree):
            offences += [f"{path.relative_to(PACKAGE)}:{call.lineno} {why}" for why in _why(call)]
    assert offences == []
