"""Base-layer helpers every REST service of ours uses, wherever it lives.

The service class with JSON errors (``base``), body and CSRF checks (``body``,
``csrf``), the error type (``errors``) and the OpenAPI building blocks
(``openapi``). Features (``records/services``, ``knowledge/service.py``) and the
top-level ``services/`` import them from here, so no feature imports upward.
"""
