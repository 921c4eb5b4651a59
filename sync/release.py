"""What the registry says about client versions, judged for this copy of the app.

The registry announces the newest version, the oldest one it still syncs with and a download
address in ``/sync/meta``; :func:`judge` turns that into what the app shows: «Доступна новая
версия X» and, when this version is too old, a refusal to sync (the local database is left
exactly as it is, so it can still be read, printed and exported).
"""

from __future__ import annotations

from dataclasses import dataclass

from chairclient.version import __version__, is_older
from sync.protocol import ClientReleaseInfo


@dataclass(frozen=True)
class ReleaseStatus:
    current: str
    latest: str = ""
    minimum: str = ""
    download_url: str = ""

    @property
    def update_available(self) -> bool:
        return is_older(self.current, self.latest)

    @property
    def too_old(self) -> bool:
        return is_older(self.current, self.minimum)

    def too_old_message(self) -> str:
        text = (f"Версия программы {self.current} устарела: реестр принимает синхронизацию от "
                f"версии {self.minimum} и новее. Синхронизация отключена; данные на этом "
                "компьютере сохранены, их можно просматривать, печатать и выгружать.")
        if self.download_url:
            text += f" Новая версия: {self.download_url}"
        return text


def judge(info: ClientReleaseInfo, current: str = __version__) -> ReleaseStatus:
    return ReleaseStatus(current=current, latest=info.latest, minimum=info.minimum,
                         download_url=info.download_url)
