"""Blocks drawn once per PDF as a form XObject and repeated by reference.

A batch of a thousand consents repeats the same text on every page; laying it out and writing
it once keeps the batch fast and the file small, while the text stays extractable.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from reportlab.platypus import Flowable

from reports.pdf.layout import TEXT_WIDTH

_names = itertools.count(1)
_PAD = 3.0  # form bounding box margin (points) so descenders and rules are never clipped


class CachedBlock(Flowable):
    """A fixed stack of flowables laid out once; drawn into a form on first use, then reused.

    The block never splits across pages (keep blocks to a section each).
    """

    def __init__(self, flowables: Sequence[Flowable], width: float = TEXT_WIDTH) -> None:
        super().__init__()
        self.flowables = list(flowables)
        self.block_width = width
        self.form_name = f"ChairBlock{next(_names)}"
        self._layout: list[tuple[Flowable, float, float]] | None = None
        self.block_height = 0.0
        self._space_before = self.flowables[0].getSpaceBefore() if self.flowables else 0
        self._space_after = self.flowables[-1].getSpaceAfter() if self.flowables else 0

    def _measure(self) -> None:
        layout: list[tuple[Flowable, float, float]] = []
        y = 0.0
        for i, flowable in enumerate(self.flowables):
            if i:
                y += max(self.flowables[i - 1].getSpaceAfter(), flowable.getSpaceBefore())
            _, height = flowable.wrapOn(self.canv, self.block_width, 10_000)
            layout.append((flowable, y, height))
            y += height
        self._layout = layout
        self.block_height = y

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._layout is None:
            self._measure()
        return self.block_width, self.block_height

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab API
        return self._space_before

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab API
        return self._space_after

    def draw(self) -> None:
        # platypus marks a flowable moved to the next frame and never unmarks it; this object is
        # placed again in later documents, so clear the mark once it is finally drawn.
        self.__dict__.pop("_postponed", None)
        canv = self.canv
        defined: set[str] = canv.__dict__.setdefault("_chair_forms", set())
        if self.form_name not in defined:
            if self._layout is None:
                self._measure()
            height = self.block_height
            canv.beginForm(self.form_name, -_PAD, -_PAD, self.block_width + _PAD, height + _PAD)
            for flowable, top, h in self._layout or []:
                flowable.drawOn(canv, 0, height - top - h)
            canv.endForm()
            defined.add(self.form_name)
        canv.doForm(self.form_name)
