"""Validation shared by the client UI, the spreadsheet import and the registry server.

Pure Python (no Qt, no database). Results are :class:`ValidationResult` objects: per-field
Russian messages in ``errors`` and ``warnings``, plus ``missing`` required fields.
"""

from chairclient.validation.checksums import (
    is_valid_inn,
    is_valid_kpp,
    is_valid_ogrn,
    is_valid_ogrnip,
    is_valid_snils,
    snils_control,
)
from chairclient.validation.fields import (
    CATEGORY_CHOICES,
    FIELD_LABELS,
    KIND_CHOICES,
    MEMBER_FIELD_LABELS,
    PASSPORT_FIELD_LABELS,
    REGISTRATION_METHOD_CHOICES,
    SEX_CHOICES,
    STATUS_CHOICES,
    STUDY_FORM_CHOICES,
    STUDY_LEVEL_CHOICES,
    TAB_LABELS,
    field_label,
    field_message,
)
from chairclient.validation.member import (
    POSITION,
    complete_members,
    is_member_complete,
    missing_member_fields,
    required_member_fields,
    validate_member,
)
from chairclient.validation.normalise import (
    digits_only,
    normalise_email,
    normalise_name,
    normalise_phone,
    normalise_snils,
    parse_date,
)
from chairclient.validation.organisation import (
    PASSPORT_TABS,
    REQUIRED_BY_TAB,
    is_passport_complete,
    missing_passport_fields,
    required_passport_fields,
    tab_completeness,
    validate_passport,
)
from chairclient.validation.result import ValidationError, ValidationResult
from chairclient.validation.rules import (
    check_email,
    check_person_name,
    check_phone,
    is_empty,
)

__all__ = [
    "CATEGORY_CHOICES",
    "FIELD_LABELS",
    "KIND_CHOICES",
    "MEMBER_FIELD_LABELS",
    "PASSPORT_FIELD_LABELS",
    "PASSPORT_TABS",
    "POSITION",
    "REGISTRATION_METHOD_CHOICES",
    "REQUIRED_BY_TAB",
    "SEX_CHOICES",
    "STATUS_CHOICES",
    "STUDY_FORM_CHOICES",
    "STUDY_LEVEL_CHOICES",
    "TAB_LABELS",
    "ValidationError",
    "ValidationResult",
    "check_email",
    "check_person_name",
    "check_phone",
    "digits_only",
    "field_label",
    "field_message",
    "is_empty",
    "complete_members",
    "is_member_complete",
    "is_passport_complete",
    "is_valid_inn",
    "is_valid_kpp",
    "is_valid_ogrn",
    "is_valid_ogrnip",
    "is_valid_snils",
    "missing_member_fields",
    "missing_passport_fields",
    "normalise_email",
    "normalise_name",
    "normalise_phone",
    "normalise_snils",
    "parse_date",
    "required_member_fields",
    "required_passport_fields",
    "snils_control",
    "tab_completeness",
    "validate_member",
    "validate_passport",
]
