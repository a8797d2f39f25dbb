"""Pages of a finished PDF as raw RGB images, for the preview on screen and for printing (PDFium)."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PageImage:
    width: int
    height: int
    stride: int
    rgb: bytes
    width_pt: float  # the page's size in points, for choosing the printer's paper orientation
    height_pt: float


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium  # loaded when a preview is first shown

    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def page_images(path: Path, dpi: float) -> Iterator[PageImage]:
    """Each page rendered at *dpi*, white background, RGB byte order."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            page = document[index]
            width_pt, height_pt = page.get_size()
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            yield PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer), width_pt, height_pt)
            page.close()
    finally:
        document.close()
