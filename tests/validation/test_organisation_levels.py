"""Which passport fields are required depends on the organisation's level."""

from chairclient.validation import missing_passport_fields, tab_completeness


def test_territorial_passport_needs_no_employer_or_headcount() -> None:
    values = {"level": "territorial", "full_name": "Заречная районная организация",
              "short_name": "Заречная РО", "chair_name": "Петрова Анна Ивановна",
              "chair_elected_on": None}
    missing = missing_passport_fields(values)
    assert "employer_full_name" not in missing and "employees_total" not in missing
    assert "kind" not in missing and "chair_elected_on" in missing
    assert tab_completeness(values)["employer"] == (0, 0)


def test_primary_passport_still_needs_employer() -> None:
    assert "employer_full_name" in missing_passport_fields({"level": "primary"})
    assert "employer_full_name" in missing_passport_fields({})
