"""The README's recipes (pre-commit, GitHub Actions, GitLab CI), run as written against a clone."""
