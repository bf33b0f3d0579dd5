from conftest import EXAMPLES, run


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("readiness ")


def test_audit_example_ready_passes():
    result = run("audit", str(EXAMPLES / "ready.yaml"), "--as-of", "2027-01-15")
    assert result.returncode == 0, result.stderr
    assert "READY" in result.stdout
