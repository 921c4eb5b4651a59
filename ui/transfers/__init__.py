"""Transfers between organisations: accept a member found in the registry, transfer one out."""

from ui.transfers.actions import TransferActions

__all__ = ["TransferActions"]
