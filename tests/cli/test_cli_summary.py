"""`screenpop summary CONTACT_ID [--json]` as administrators and scripts use it: real processes
against a real demo tenant; the object of DESIGN §5, the exit codes, and no UI loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from screenpop.store.ticket_statuses import load_ticket_statuses
from tests.helpers import configure_demo, demo_tenant, run_cli

SECRET = {"SCREENPOP_SECRET": "demo"}
ITEM_KEYS = ["id", "title", "status", "date", "link"]


@pytest.fixture(scope="module")
def tenant() -> Iterator[str]:
    with demo_tenant("--persons", "120", "--seed", "1") as url:
        yield url


@pytest.fixture
def configured(tmp_path: Path, tenant: str) -> Path:
    configure_demo(tmp_path, tenant)
    return tmp_path


def _one_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def test_json_is_what_the_window_shows(configured: Path, tenant: str) -> None:
    result = run_cli(configured, "summary", "1", "--json", env=SECRET)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert list(body) == ["contact", "tickets", "followups", "documents", "sales", "chats"]
    contact = body["contact"]
    assert list(contact) == ["id", "name", "department", "category", "business", "our_contact",
                             "phone", "email", "address", "web_site", "link", "org_nr",
                             "number1"]  # fmt: skip
    assert contact["id"] == 1 and contact["phone"] == "+47 22 33 44 55"
    assert contact["our_contact"] and contact["business"] and contact["org_nr"]
    assert contact["address"].endswith("\nNorway")
    assert contact["link"] == f"{tenant}/default.aspx?contact.main?contact_id=1"
    for key in ("tickets", "followups", "documents", "chats"):
        assert body[key] and all(list(item) == ITEM_KEYS for item in body[key])
    assert all(list(s) == [*ITEM_KEYS, "amount", "currency", "probability"] for s in body["sales"])
    # The summary size the window uses (the summary_limit setting, 25 by default).
    assert len(body["tickets"]) == 25
    # Ticket words are the tenant's own (its status list, now kept in the profile).
    kept = load_ticket_statuses(configured / "ticket-statuses.json", "Cust12345", "en").statuses
    assert {t["status"] for t in body["tickets"]} <= {item.name for item in kept.values()}
    assert {f["status"] for f in body["followups"]} <= {"Unknown", "Not started", "Started",
                                                        "Done"}  # fmt: skip
    first = body["tickets"][0]
    assert first["link"] == f"{tenant}/default.aspx?ticket.main?ticket_id={first['id']}"
    assert first["date"][-6] in "+-" and first["date"][10] == "T"


def test_the_text_form_for_people(configured: Path) -> None:
    result = run_cli(configured, "summary", "1", env=SECRET)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    as_json = json.loads(run_cli(configured, "summary", "1", "--json", env=SECRET).stdout)
    assert lines[0] == as_json["contact"]["name"]
    assert any(line.startswith("Our contact") and as_json["contact"]["our_contact"] in line
               for line in lines)  # fmt: skip
    assert "Tickets (25+)" in lines and any(line.startswith("Sales (") for line in lines)
    ticket = as_json["tickets"][0]
    assert any(ticket["title"] in line and ticket["status"] in line for line in lines)


def test_sync_keeps_the_status_list(configured: Path) -> None:
    assert not (configured / "ticket-statuses.json").exists()
    synced = run_cli(configured, "sync", env=SECRET)
    assert synced.returncode == 0 and synced.stdout.startswith("changed: ")
    kept = load_ticket_statuses(configured / "ticket-statuses.json", "Cust12345", "en")
    assert kept.statuses and kept.language == "en"


@pytest.mark.parametrize("contact", ["abc", "0", "-4", "1.5"])
def test_a_bad_id_is_exit_2(tmp_path: Path, contact: str) -> None:
    result = run_cli(tmp_path, "summary", contact, "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert "is not a contact id" in _one_line(result.stderr)


def test_an_unknown_contact_is_exit_1(configured: Path) -> None:
    result = run_cli(configured, "summary", "999999", env=SECRET)
    assert result.returncode == 1 and result.stdout == ""
    assert _one_line(result.stderr) == "screenpop: SuperOffice has no contact 999999"


def test_a_tenant_that_is_down_is_one_line_exit_1(tmp_path: Path) -> None:
    configure_demo(tmp_path, "http://127.0.0.1:9/Cust12345")
    result = run_cli(tmp_path, "summary", "1", "--json", env=SECRET)
    assert result.returncode == 1 and result.stdout == ""
    assert "summary of contact 1 failed: Cannot reach SuperOffice" in _one_line(result.stderr)


def test_refused_credentials_and_no_sign_in_are_one_line_exit_1(
    configured: Path, tmp_path: Path, tenant: str
) -> None:
    refused = run_cli(configured, "summary", "1", env={"SCREENPOP_SECRET": "wrong"})
    assert refused.returncode == 1 and "refused the sign-in" in _one_line(refused.stderr)
    online = tmp_path / "online"
    configure_demo(online, tenant, "--auth", "online", "--client-id", "screenpop-demo")
    # No refresh token kept: a person must sign in first.
    needed = run_cli(online, "summary", "1", env={"PYTHON_KEYRING_BACKEND":
                                                  "keyring.backends.null.Keyring"})  # fmt: skip
    assert needed.returncode == 1 and "run `screenpop sign-in`" in _one_line(needed.stderr)


def test_no_window_toolkit_is_loaded(configured: Path) -> None:
    """The command line loads no Qt at all: `screenpop summary` shares core, not widgets."""
    probe = (
        "import sys; from screenpop.cli.main import main; code = main(sys.argv[1:]); "
        "gui = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken', "
        "'screenpop.ui', 'screenpop.app'))); print(gui); sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, "--profile", str(configured), "summary", "2", "--json"],
        capture_output=True, text=True, env={**_env(), **SECRET}, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
