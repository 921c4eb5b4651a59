"""The organisation passport (паспорт ППО) form."""

from ui.passport.form import PassportForm

__all__ = ["PassportForm"]
