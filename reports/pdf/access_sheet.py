"""«Лист доступа»: the paper a superior organisation hands to a chair with a new or reset login.

Login, one-time password, the registry's address and the first steps in the program. The
password is printed once, here; it is to be changed at the first sign-in and the sheet
destroyed after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from chairclient.domain.grants import ROLE_NAMES
from chairclient.domain.passwords import MIN_LENGTH
from reports.fonts import SANS, bold
from reports.output import atomic_target
from reports.pdf.layout import (
    TEXT_WIDTH,
    DocumentStart,
    build_pdf,
    make_styles,
    signature_block,
    text,
)

TITLE = "Лист доступа к реестру Профсоюза"
_BOX = colors.HexColor("#1F4E79")
_TINT = colors.HexColor("#EAF1F8")

FIRST_STEPS = (
    "Установите программу «Рабочее место председателя» (права администратора компьютера не "
    "нужны) и запустите её.",
    "В окне входа укажите адрес реестра, логин и временный пароль с этого листа. Буквы "
    "вводите с учётом регистра, в английской раскладке; дефисы — часть пароля.",
    f"Программа попросит сменить пароль. Придумайте свой: не короче {MIN_LENGTH} символов и не "
    "из распространённых («qwerty123», «пароль2024» не подойдут) — например, три-четыре не "
    "связанных слова через дефис. Никому его не сообщайте.",
    "Дождитесь первой синхронизации и проверьте наименование своей организации. Если оно "
    "неверно — сообщите в вышестоящую организацию.",
    "Заполните паспорт организации, начиная с вкладки «ИНПО».",
    "Внесите членов Профсоюза (вручную, из таблицы или переводом из другой организации), "
    "распечатайте согласия на обработку персональных данных и отметьте полученные.",
    "Сформируйте заявку на электронные профсоюзные билеты.",
)


@dataclass(frozen=True)
class AccessSheet:
    """What one sheet shows."""

    login: str
    password: str
    full_name: str
    org_name: str
    org_code: str
    role: str
    server: str
    issued_by: str
    issued_on: date
    #: True for a reset password (the wording says «новый временный пароль»).
    reset: bool = False


def _details(sheet: AccessSheet, cell: ParagraphStyle, value: ParagraphStyle,
             secret: ParagraphStyle) -> Table:
    org = text(sheet.org_name) + (f" (код {text(sheet.org_code)})" if sheet.org_code else "")
    rows = [
        ("Организация", Paragraph(org, value)),
        ("Пользователь", Paragraph(text(sheet.full_name), value)),
        ("Роль", Paragraph(text(ROLE_NAMES.get(sheet.role, sheet.role)), value)),
        ("Адрес реестра", Paragraph(text(sheet.server), value)),
        ("Логин", Paragraph(text(sheet.login), secret)),
        ("Новый временный пароль" if sheet.reset else "Временный пароль",
         Paragraph(text(sheet.password), secret)),
    ]
    table = Table([[Paragraph(label, cell), content] for label, content in rows],
                  colWidths=[48 * mm, TEXT_WIDTH - 48 * mm])
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1, _BOX),
        ("BACKGROUND", (0, 0), (-1, -1), _TINT),
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("LINEBELOW", (0, 0), (-1, -2), 0.25, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def story(sheet: AccessSheet) -> list[Flowable]:
    styles = make_styles(SANS, size=10.5, justify=False)
    value = ParagraphStyle("value", styles.cell, fontName=bold(SANS))
    secret = ParagraphStyle("secret", styles.cell, fontName=bold(SANS), fontSize=17,
                            leading=21)
    steps = ListFlowable(
        [ListItem(Paragraph(text(step), styles.body), leftIndent=14) for step in FIRST_STEPS],
        bulletType="1", bulletFontName=bold(SANS), bulletFontSize=styles.body.fontSize,
        leftIndent=14, bulletFormat="%s.",
    )
    issued = (f"Выдан {sheet.issued_on:%d.%m.%Y}" + (f", выдал: {text(sheet.issued_by)}"
                                                      if sheet.issued_by else ""))
    return [
        DocumentStart(sheet.login),
        Paragraph(TITLE, styles.title),
        Paragraph("программа «Рабочее место председателя»", styles.subtitle),
        _details(sheet, styles.cell, value, secret),
        Spacer(0, 2 * mm),
        Paragraph(issued, styles.small),
        Spacer(0, 3 * mm),
        Paragraph("Пароль одноразовый: при первом входе программа попросит заменить его "
                  "своим. Не передавайте лист другим людям и уничтожьте его после первого "
                  "входа.", styles.body),
        Paragraph("Первые шаги", styles.heading),
        steps,
        Spacer(0, 2 * mm),
        Paragraph("Если пароль забыт или вход заблокирован после неверных паролей, обратитесь "
                  "в вышестоящую организацию: она выдаст новый временный пароль или снимет "
                  "блокировку.", styles.body),
        Spacer(0, 10 * mm),
        Paragraph("Лист доступа получил(а):", styles.body),
        signature_block(styles),
    ]


def write_access_sheet(target: Path | str, sheet: AccessSheet) -> Path:
    """Write the sheet's PDF to ``target`` (atomically); returns the path."""
    with atomic_target(target) as part:
        build_pdf(str(part), story(sheet), title=TITLE,
                  footer_left="Рабочее место председателя · лист доступа")
    return Path(target)
