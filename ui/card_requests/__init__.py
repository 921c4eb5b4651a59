"""The «Заявки на ЭПБ» workspace tab."""

from ui.card_requests.panel import CardRequestsPanel

__all__ = ["CardRequestsPanel"]
