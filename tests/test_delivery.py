"""Delivery files hold together: the Windows workflow builds the bundle from the spec and the
installer from the NSIS script, installs it silently, smoke-tests the installed app and keeps
the installer; the spec, the script and the smoke checks agree with the code."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def _steps() -> list[dict]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert len(jobs) == 1
    job = next(iter(jobs.values()))
    assert job["runs-on"].startswith("windows")
    return job["steps"]


def _index(steps: list[dict], pattern: str) -> int:
    found = [i for i, step in enumerate(steps)
             if re.search(pattern, str(step.get("run", "")) + str(step.get("uses", "")))]
    assert found, f"no step matches {pattern!r}"
    return found[0]


def test_the_windows_workflow_builds_installs_and_smoke_tests() -> None:
    steps = _steps()
    bundle = _index(steps, r"PyInstaller .*installer/chairclient\.spec")
    setup = _index(steps, r"makensis .*installer\\chairclient\.nsi")
    install = _index(steps, r"Start-Process -FilePath \$setup -ArgumentList \"/S\"")
    smoke = _index(steps, r"installer/smoke\.py \"\$env:LOCALAPPDATA\\Programs\\ChairClient\"")
    upload = _index(steps, r"actions/upload-artifact")
    assert bundle < setup < install < smoke < upload
    uploaded = steps[upload]["with"]["path"]
    assert uploaded.startswith("dist/chairclient-setup-")
    # No administrator: nothing in the workflow asks to elevate.
    assert "RunAs" not in WORKFLOW.read_text(encoding="utf-8")


def test_the_smoke_checks_cover_what_the_issue_asks() -> None:
    smoke = (ROOT / "installer" / "smoke.py").read_text(encoding="utf-8")
    for call in ('"--version"', '"--screenshot"', '"print", "consent"', '"report", "5sp"',
                 '"self-check"', '"QT_QPA_PLATFORM": "offscreen"'):
        assert call in smoke


def test_the_installer_is_per_user_and_keeps_the_data() -> None:
    script = (ROOT / "installer" / "chairclient.nsi").read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\' in script
    assert "HKLM" not in script  # per-user: no machine-wide registry keys
    assert '!insertmacro MUI_LANGUAGE "Russian"' in script
    assert re.search(r'Section /o "un\.[^"]+данные', script)  # data removal off by default
    assert "chairclient/version.py" in script  # one home for the version
    assert "!ifdef SIGN_COMMAND" in script


def test_the_spec_leaves_out_the_registry_and_collects_what_loads_lazily() -> None:
    spec = (ROOT / "installer" / "chairclient.spec").read_text(encoding="utf-8")
    for needed in ('"chairclient" / "db" / "migrations"', '"translations"', '"fonts"',
                   '"reports"', '"sqlcipher3"', 'collect_submodules("keyring.backends")'):
        assert needed in spec
    excluded = spec.split("excludes = [", 1)[1].split("]", 1)[0]
    for left_out in ('"registry"', '"fastapi"', '"uvicorn"', '"pytest"', '"hypothesis"'):
        assert left_out in excluded
