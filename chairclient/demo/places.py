"""The fictitious «Энская область»: its districts, towns, villages, streets and addresses."""

from __future__ import annotations

from dataclasses import dataclass

from chairclient.demo.common import REGION_SHORT, DemoRandom


@dataclass(frozen=True)
class Territory:
    """A district (район) or the regional centre, with its local union organisation."""

    number: str  # two digits, part of the registry code
    org_name: str  # «Заречная районная организация»
    org_short: str  # «Заречная РО»
    town: str  # «г. Заречный»: the district centre
    town_adjective: str  # «Заречный» (for «Заречный политехнический техникум»)
    genitive: str  # «Заречного района»
    villages: tuple[str, ...]
    postal_prefix: str  # four digits; the index is prefix + two digits
    tax_office: str  # two digits after the region code in ИНН/КПП
    phone_code: str  # area code, five digits after +7
    weight: float  # share of the district's primary organisations


REGIONAL_CENTRE = "г. Энск"

TERRITORIES: tuple[Territory, ...] = (
    Territory("01", "Энская городская организация", "Энская ГО", "г. Энск", "Энский",
              "города Энска", (), "6060", "01", "83120", 3.0),
    Territory("02", "Заречная районная организация", "Заречная РО", "г. Заречный", "Заречный",
              "Заречного района", ("с. Берёзовка", "с. Никольское", "пос. Лесной",
                                   "д. Осиновка"), "6062", "14", "83135", 1.4),
    Territory("03", "Приозёрная районная организация", "Приозёрная РО", "г. Приозёрск",
              "Приозёрский", "Приозёрного района", ("с. Луговое", "с. Покровка",
                                                     "пос. Рыбачий"), "6063", "22", "83144", 1.0),
    Territory("04", "Лесогорская районная организация", "Лесогорская РО", "пос. Лесогорск",
              "Лесогорский", "Лесогорского района", ("с. Сосновка", "с. Дубравное", "д. Ключи"),
              "6064", "27", "83153", 0.8),
    Territory("05", "Степновская районная организация", "Степновская РО", "с. Степное",
              "Степновский", "Степновского района", ("с. Ольховка", "с. Красный Яр",
                                                      "пос. Первомайский"), "6065", "31", "83162",
              0.7),
    Territory("06", "Красноборская районная организация", "Красноборская РО", "г. Красноборск",
              "Красноборский", "Красноборского района", ("с. Ильинское", "с. Быстрица",
                                                          "пос. Заводской"), "6066", "33",
              "83171", 0.9),
)

STREETS = (
    "Ленина", "Советская", "Мира", "Школьная", "Садовая", "Молодёжная", "Центральная", "Лесная",
    "Набережная", "Октябрьская", "Гагарина", "Пушкина", "Комсомольская", "Первомайская",
    "Заречная", "Полевая", "Новая", "Кирова", "Строителей", "Рабочая", "Юбилейная", "Луговая",
    "Чехова", "Победы", "Солнечная", "Зелёная", "Спортивная", "Северная", "Южная", "Весенняя",
)


def street_address(rng: DemoRandom, locality: str, *, flat: bool) -> str:
    """«Энская обл., г. Заречный, ул. Садовая, д. 7, кв. 15» (no flat in a village house)."""
    street = rng.choice(STREETS)
    house = rng.randint(1, 120 if locality.startswith("г.") else 60)
    parts = [REGION_SHORT, locality, f"ул. {street}", f"д. {house}"]
    if flat and locality.startswith("г.") and rng.random() < 0.8:
        parts.append(f"кв. {rng.randint(1, 180)}")
    return ", ".join(parts)


def postal_index(rng: DemoRandom, territory: Territory) -> str:
    return f"{territory.postal_prefix}{rng.randint(0, 99):02d}"


def landline(rng: DemoRandom, territory: Territory) -> str:
    """An office phone as the database keeps it: ``+7`` and ten digits."""
    return f"+7{territory.phone_code}{rng.randint(0, 99999):05d}"


def mobile(rng: DemoRandom) -> str:
    return f"+79{rng.randint(0, 999_999_999):09d}"
