"""The audit: judge a plan against a rubric, locate each finding, score, band.

Entry point: ``many.audit_many(plans, rubric, options)`` audits one plan or many (in order,
streamed, on several cores when there are enough) and returns an ``AuditResult``. One plan
goes ``run.audit_one``: load (``readiness.plan``), ``judge`` (each criterion's check, waivers,
locations), ``score`` (levers, overall, band). ``diff.compare`` sets two audits side by side;
``discover`` turns the command line's PLAN arguments into plan files.
"""
