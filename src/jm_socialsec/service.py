"""The HTTP service (``pip install "jm_socialsec[service]"``): one POST endpoint per estimate.

``jm_socialsec.service.app`` is a FastAPI app. ``POST /<area>/<function>`` (e.g.
``/pension/estimate_pension``) takes the function's input model as a JSON body and answers
with the result's JSON (``to_json()``: amounts, steps, warnings); ``GET /tables`` gives the
parameter and document report. OpenAPI (``/openapi.json``, ``/docs``) is generated from the
models. Refusals are JSON (:class:`~jm_socialsec.schema.ErrorBody`): bad input 422 with every
problem at once, ``not_covered`` 400, a broken table or a bug 500.

No state is kept between requests (the tables are read-only and cached). Nothing a person sent
is logged: one line per request (method, path, status, time) and, on a refusal, its code and
the names of the fields in error.
"""

from __future__ import annotations

import inspect
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

try:
    from fastapi import FastAPI, Request, Response
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse
except ImportError as e:  # pragma: no cover - depends on the installed extras
    raise ImportError('the HTTP service needs its extra: pip install "jm_socialsec[service]"') from e

from . import __version__
from .engine.api import problems
from .engine.errors import InputError, SocialSecError
from .engine.explain import Explained
from .inputs.base import InputModel
from .schema import ErrorBody, Estimate, estimates

log = logging.getLogger("jm_socialsec.service")

#: HTTP status of each error code: bad input 422, outside the tables 400, the rest 500.
STATUS = {"input_invalid": 422, "not_covered": 400}
_REFUSALS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorBody, "description": "bad input (input_invalid): every problem, with its field"},
    400: {"model": ErrorBody, "description": "outside the tables (not_covered): the parameter and date"},
    500: {"model": ErrorBody, "description": "a malformed table (table_invalid) or a bug (internal)"},
}


def create_app() -> FastAPI:
    """A new app with every estimate's endpoint, ``GET /tables`` and the JSON error handlers."""
    app = FastAPI(
        title="jm_socialsec",
        version=__version__,
        summary="Jiangmen (江门) social-insurance estimates, exact and explained",
        description="Money is a string with two decimals; rates and indices exact decimal strings; "
        'months "YYYY-MM", days "YYYY-MM-DD". Errors: code, field and messages in Chinese and English.',
    )
    for estimate in estimates():
        _add_endpoint(app, estimate)
    app.add_api_route("/tables", tables, methods=["GET"], tags=["tables"], summary="parameter and document report")
    app.add_exception_handler(RequestValidationError, _invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(SocialSecError, _refused)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _failed)
    app.middleware("http")(_log_request)
    return app


def _add_endpoint(app: FastAPI, estimate: Estimate) -> None:
    def endpoint(body: InputModel) -> Response:
        result = estimate.run(body)
        data = result.to_json() if isinstance(result, Explained) else result.model_dump(mode="json")
        return JSONResponse(data)

    # The body's type is this estimate's model: FastAPI reads it from the signature.
    param = inspect.Parameter("body", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=estimate.input)
    endpoint.__signature__ = inspect.Signature([param], return_annotation=Response)  # type: ignore[attr-defined]
    app.add_api_route(
        f"/{estimate.area}/{estimate.function}",
        endpoint,
        methods=["POST"],
        name=estimate.function,
        operation_id=estimate.function,
        tags=[estimate.area],
        summary=(estimate.input.__doc__ or estimate.function).splitlines()[0],
        response_model=estimate.result,
        responses=_REFUSALS,
    )


def tables(today: date | None = None) -> Response:
    """The parameter and document report (``jm-socialsec tables --json``), as of ``today``."""
    from .engine.report import document_report, param_report
    from .engine.tables import documents, registry

    day = today or date.today()
    params = registry()
    return JSONResponse(
        {"parameters": param_report(params, day), "documents": document_report(documents(), params, day)}
    )


def _error(err: SocialSecError, status: int) -> Response:
    fields = ", ".join(e.field for e in err.errors) if isinstance(err, InputError) else ""
    log.info("refused %s (%d)%s", err.code, status, f": {fields}" if fields else "")
    return JSONResponse(err.to_dict(), status_code=status)


async def _invalid_request(request: Request, exc: RequestValidationError) -> Response:
    """pydantic's errors on the body as one :class:`InputError` (paths without the ``body`` prefix)."""
    found: list[InputError] = []
    for error in exc.errors():
        loc = tuple(error.get("loc", ()))
        if error.get("type") == "json_invalid":  # the body is no JSON: its position, not a field
            at = loc[-1] if len(loc) > 1 else "?"
            why = f"请求内容不是有效的 JSON（第 {at} 个字符附近）", f"the body is not valid JSON (near character {at})"
            found.append(InputError("input", *why, reason="malformed_json"))
            continue
        found.extend(problems(error, loc[1:] if loc[:1] == ("body",) else loc))
    return _error(InputError.combine(found or [InputError("input", "输入无效", "invalid input")]), 422)


async def _refused(request: Request, exc: SocialSecError) -> Response:
    return _error(exc, STATUS.get(exc.code, 500))


async def _failed(request: Request, exc: Exception) -> Response:
    # Only the class of the failure is logged: its message could carry what a person sent.
    log.error("internal error: %s", type(exc).__name__)
    body = {"code": "internal", "message_zh": "内部错误", "message_en": "internal error", "details": {}}
    return JSONResponse(body, status_code=500)


async def _log_request(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    start = time.perf_counter()
    response = await call_next(request)
    ms = (time.perf_counter() - start) * 1000
    log.info("%s %s %d %.0f ms", request.method, request.url.path, response.status_code, ms)
    return response


#: The app (``uvicorn jm_socialsec.service:app``).
app = create_app()


def serve(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the service with uvicorn (``jm-socialsec serve``); its access log (client addresses) is off."""
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    uvicorn.run(app, host=host, port=port, access_log=False)
