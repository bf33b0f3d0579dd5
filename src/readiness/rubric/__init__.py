"""Rubrics: the policy a plan is judged by, as data (``rubrics/*.yaml``; ``docs/rubric.md``).

Entry point: ``load.load_rubric(path)`` gives a ``Rubric`` (``rubric.py``): levers, bands and
criteria, each bound to its check (``readiness.checks``) with validated params. ``None`` gives
the shipped rubric, validated like any other and built once per run; a local rubric may
``extends: default`` (``extend.py``).
"""
