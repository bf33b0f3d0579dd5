"""Loading: bytes to a positioned ``Document`` to a validated pydantic model, with located
problems. Plans, rubrics and the settings file are all read this way.

Entry points, in order: ``source.read_text`` (bytes to checked text), ``parse.load_yaml``
(text to a ``Document`` that knows the line and column of every key and value) and
``validate.validate_document`` (a ``Document`` to a model, or an ``InputError`` listing
every problem in plain English, each at its place in the file).
"""
