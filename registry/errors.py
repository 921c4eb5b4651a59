"""Error answers in Russian: request validation (422) and the framework's own HTTP errors.

Every 4xx the registry gives has a ``detail`` a person can read in Russian. A 422 names the
fields that are wrong (``mutations[0].op``) and why; the submitted values are never echoed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.protocol import ErrorResponse

INVALID_REQUEST = "Неверный формат запроса"
SERVER_ERROR = "Внутренняя ошибка сервера реестра, повторите позже"
#: Problems named in ``detail``; the rest are counted ("и ещё N").
_DETAIL_PROBLEMS = 3
#: Longest field name quoted back (an unknown key may be anything a client sent).
_NAME_LIMIT = 60

_PROBLEMS: dict[str, str] = {
    "missing": "обязательное поле не указано",
    "extra_forbidden": "неизвестное поле",
    "json_invalid": "тело запроса не является корректным JSON",
    "json_type": "ожидается JSON",
    "model_type": "ожидается объект",
    "model_attributes_type": "ожидается объект",
    "dict_type": "ожидается объект",
    "list_type": "ожидается список",
    "string_type": "ожидается строка",
    "string_unicode": "ожидается строка в кодировке UTF-8",
    "string_too_short": "не короче {min_length} символов",
    "string_too_long": "не длиннее {max_length} символов",
    "too_short": "не меньше {min_length} элементов",
    "too_long": "не больше {max_length} элементов",
    "int_type": "ожидается целое число",
    "int_parsing": "ожидается целое число",
    "int_from_float": "ожидается целое число",
    "int_parsing_size": "слишком большое число",
    "greater_than_equal": "не меньше {ge}",
    "greater_than": "больше {gt}",
    "less_than_equal": "не больше {le}",
    "less_than": "меньше {lt}",
    "bool_type": "ожидается true или false",
    "bool_parsing": "ожидается true или false",
    "literal_error": "допустимые значения: {expected}",
    "enum": "допустимые значения: {expected}",
    "number_not_finite": "NaN и Infinity — не числа",
    "json_too_deep": "вложенность списков и объектов глубже {max_depth} уровней",
    "string_unstorable": "недопустимый символ (нулевой байт или половина суррогатной пары Юникода)",
}
_UNKNOWN_PROBLEM = "неверное значение"

#: Russian details for the framework's own errors (unknown address, wrong method, …).
_STATUS_DETAILS: dict[int, str] = {
    400: "Неверный запрос",
    401: "Требуется вход",
    403: "Доступ запрещён",
    404: "Адрес не найден",
    405: "Метод не поддерживается для этого адреса",
    406: "Формат ответа не поддерживается",
    413: "Слишком большой запрос",
    415: "Ожидается тело запроса в формате JSON",
}
_CYRILLIC = re.compile("[А-Яа-яЁё]")


def _short(part: str | int) -> str | int:
    if isinstance(part, str) and len(part) > _NAME_LIMIT:
        return part[:_NAME_LIMIT] + "…"
    return part


def _where(loc: Sequence[str | int]) -> str:
    """``("body", "mutations", 0, "op")`` → ``mutations[0].op``; the body itself → ''."""
    parts = list(loc[1:] if loc and loc[0] in ("body", "query", "path", "header") else loc)
    text = ""
    for part in parts:
        if part == "[key]":  # pydantic's mark for the key (not the value) of an object
            text += " (ключ)"
        elif isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(_short(part))
    return text


def _message(kind: str, ctx: Mapping[str, Any] | None) -> str:
    template = _PROBLEMS.get(kind, _UNKNOWN_PROBLEM)
    values = {k: str(v).replace(" or ", ", ") for k, v in (ctx or {}).items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError):  # no context where one was expected: the plain words
        return template.split("{")[0].rstrip(": ") or _UNKNOWN_PROBLEM


def describe(error: Mapping[str, Any]) -> tuple[str, str]:
    """One pydantic error as ``(Russian message, "поле «…»: message")``."""
    kind = str(error.get("type", ""))
    message = _message(kind, error.get("ctx"))
    where = _where(error.get("loc", ()))
    if kind == "json_invalid":
        return message, message
    if not where:
        return message, "нет тела запроса" if kind == "missing" else f"тело запроса: {message}"
    if kind == "extra_forbidden":
        return message, f"неизвестное поле «{where}»"
    return message, f"поле «{where}»: {message}"


def validation_detail(errors: Sequence[Mapping[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """The Russian ``detail`` and the ``errors`` list of a 422 answer."""
    problems: list[dict[str, Any]] = []
    phrases: list[str] = []
    for error in errors:
        message, phrase = describe(error)
        problems.append(
            {"loc": [_short(p) for p in error.get("loc", ())], "msg": message,
             "type": str(error.get("type", ""))}
        )
        if phrase not in phrases:
            phrases.append(phrase)
    shown = "; ".join(phrases[:_DETAIL_PROBLEMS])
    if len(phrases) > _DETAIL_PROBLEMS:
        shown += f" и ещё {len(phrases) - _DETAIL_PROBLEMS}"
    return (f"{INVALID_REQUEST}: {shown}" if shown else INVALID_REQUEST), problems


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    detail, problems = validation_detail(exc.errors())
    return JSONResponse({"detail": detail, "errors": problems}, status_code=422)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return http_error_response(exc)


def http_error_response(exc: StarletteHTTPException) -> JSONResponse:
    """The framework's English details ("Not Found") become Russian; ours pass unchanged."""
    detail = exc.detail
    if exc.status_code == 400 and exc.__cause__ is not None and not _CYRILLIC.search(str(detail)):
        # The framework could not read the body (bytes that are not UTF-8, JSON nested too
        # deep to decode): that is "not JSON", answered like any other malformed body.
        problem = {"type": "json_invalid", "loc": ["body"]}
        detail, problems = validation_detail([problem])
        return JSONResponse({"detail": detail, "errors": problems}, status_code=422)
    if not isinstance(detail, str) or not _CYRILLIC.search(detail):
        detail = _STATUS_DETAILS.get(exc.status_code, f"Ошибка запроса ({exc.status_code})")
    return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)


def error_doc(example: str, model: type[BaseModel] = ErrorResponse) -> dict[str, Any]:
    """An OpenAPI ``responses`` entry: the error model with a Russian example of ``detail``."""
    return {
        "model": model,
        "description": example,
        "content": {"application/json": {"example": {"detail": example}}},
    }


async def _server_error(_request: Request, _exc: Exception) -> JSONResponse:
    """A bug: the client shows a Russian message and retries later (the error is logged)."""
    return JSONResponse({"detail": SERVER_ERROR}, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _server_error)
