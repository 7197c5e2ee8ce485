# Builds the Windows installer dist\screenpop-<version>-windows-x64-setup.exe on a Windows
# machine with Python 3.11+ and Inno Setup 6 (https://jrsoftware.org/isinfo.php):
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-Iscc <ISCC.exe>]
#
# 1. a venv in .venv with the app and PyInstaller (the `package` extra), if there is none;
# 2. the one-folder app with PyInstaller (screenpop.exe for the desktop, screenpop-cli.exe
#    for the command line), checked by running `screenpop-cli --version`;
# 3. the per-user installer with Inno Setup, given the version from desktop\screenpop\__init__.py.
param(
    [string]$Python = ".venv\Scripts\python.exe",
    [string]$Iscc = ""
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$root = (Get-Location).Path

function Invoke-Checked([string]$Program, [string[]]$Arguments) {
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program exited with $LASTEXITCODE" }
}

if (-not (Test-Path $Python)) {
    Invoke-Checked "py" @("-3.11", "-m", "venv", ".venv")
    Invoke-Checked $Python @("-m", "pip", "install", "--upgrade", "pip")
    Invoke-Checked $Python @("-m", "pip", "install", "-e", ".[package]")
}

$version = (& $Python packaging\pyinstaller\spec_support.py).Trim()
if ($LASTEXITCODE -ne 0 -or -not $version) { throw "cannot read the version" }
$fileVersion = (& $Python packaging\pyinstaller\spec_support.py --file-version).Trim()

Invoke-Checked $Python @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "build\pyinstaller\dist", "--workpath", "build\pyinstaller\work",
    "packaging\pyinstaller\screenpop.spec")
$app = Join-Path $root "build\pyinstaller\dist\screenpop"
$built = (& (Join-Path $app "screenpop-cli.exe") --version).Trim()
if ($built -ne "screenpop $version") { throw "the frozen app says '$built', expected $version" }

if (-not $Iscc) {
    $found = Get-Command "ISCC.exe" -ErrorAction SilentlyContinue
    $Iscc = if ($found) { $found.Source } else { Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
}
if (-not (Test-Path $Iscc)) { throw "Inno Setup 6 is missing: install it or pass -Iscc <path to ISCC.exe>" }
Invoke-Checked $Iscc @("/Q", "/DAppVersion=$version", "/DFileVersion=$fileVersion",
    "/DSourceDir=$app", "/DIconFile=$root\build\generated\icons\screenpop.ico",
    "/DOutputDir=$root\dist", "packaging\windows\screenpop.iss")
Write-Output "$root\dist\screenpop-$version-windows-x64-setup.exe"
