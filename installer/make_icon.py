"""Draw the application icon (a yellow star on a red ground above an open register) into resources/icons/.

    python installer/make_icon.py

Run once when the design changes; the PNG and the multi-size ICO it writes are committed.
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
RED, YELLOW, PAPER = (200, 16, 46, 255), (255, 215, 0, 255), (255, 250, 240, 255)


def star(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    inner = outer * 0.382
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw(size: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    s = size / 256
    pen.rounded_rectangle((8 * s, 8 * s, 248 * s, 248 * s), radius=44 * s, fill=RED)
    pen.polygon(star(128 * s, 100 * s, 70 * s), fill=YELLOW)
    # an open register: two pages meeting at the spine
    pen.polygon([(40 * s, 176 * s), (124 * s, 188 * s), (124 * s, 226 * s), (40 * s, 214 * s)], fill=PAPER)
    pen.polygon([(216 * s, 176 * s), (132 * s, 188 * s), (132 * s, 226 * s), (216 * s, 214 * s)], fill=PAPER)
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.LANCZOS).save(OUT / "chibo.png")
    big.save(OUT / "chibo.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])


if __name__ == "__main__":
    main()
