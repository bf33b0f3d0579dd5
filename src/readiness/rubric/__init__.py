"""Rubrics: the criteria a plan is judged on, as data (``rubrics/*.yaml``)."""
