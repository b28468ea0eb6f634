"""An input taken from its file but not yet made a Document.

Reading has two halves: getting bytes, lines or rows out of files (cheap,
and tied to where the files are) and turning each into a Document (JSON
parsing, HTML extraction, cleaning, datelines: most of the cost). With
`read_paths(..., defer=True)` the first half happens here and each input
comes as a `Pending` holding the second half, so it can run where the
documents are coded: on Dask workers, which then need no access to the
files. Every `finish` is a module-level function, so a Pending pickles.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from warta.model import Document, ReadError


@dataclass(frozen=True)
class Pending:
    origin: str
    finish: Callable[..., Document | ReadError]
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)

    def read(self) -> Document | ReadError:
        return self.finish(*self.args, **self.kwargs)


def finished(item: Document | ReadError | Pending) -> Document | ReadError:
    """The Document (or ReadError) an input gives, finishing it when it is pending."""
    return item.read() if isinstance(item, Pending) else item
