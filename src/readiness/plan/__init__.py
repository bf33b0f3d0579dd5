"""The plan format, version 1: the models a plan file is validated into.

Entry point: ``readiness.plan.load.load_plan(path, display)`` reads a plan file and returns the
positioned document with the validated ``Plan`` (``docs/plan-format.md`` is the contract).
"""
