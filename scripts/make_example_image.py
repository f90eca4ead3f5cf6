"""Draw the bundled example's illustration: `static/images/herpes-back-pain.jpg`.

A simple abstract picture (a stylised spine with a warm glow over the lower
back and nerve lines branching from it), 1200 x 630 as the example article's
front matter says. Drawn by this script, so the image is covered by the
project's licence (MIT) like the code. Pillow is needed only to run this
script (`pip install pillow`), never at run time:

    python scripts/make_example_image.py          # rewrite the JPEG
    python scripts/make_example_image.py --check  # exit 1 if it would change
"""

from __future__ import annotations

import io
import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1200, 630
TARGET = (
    Path(__file__).resolve().parent.parent
    / "static"
    / "images"
    / "herpes-back-pain.jpg"
)


def draw() -> Image.Image:
    """The illustration, deterministic (no randomness, no fonts)."""
    image = Image.new("RGB", (WIDTH, HEIGHT))
    pixels = ImageDraw.Draw(image)
    top, bottom = (28, 52, 84), (96, 140, 170)
    for y in range(HEIGHT):  # a calm blue vertical gradient
        t = y / (HEIGHT - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        pixels.line([(0, y), (WIDTH, y)], fill=colour)

    glow = Image.new("L", (WIDTH, HEIGHT), 0)  # warm glow over the lower back
    ImageDraw.Draw(glow).ellipse((470, 300, 730, 520), fill=255)
    glow = glow.filter(ImageFilter.GaussianBlur(70))
    image.paste(Image.new("RGB", (WIDTH, HEIGHT), (236, 110, 76)), mask=glow)

    pixels = ImageDraw.Draw(image)
    centre = WIDTH // 2
    for side in (-1, 1):  # nerve lines branching from the spine
        for k in range(6):
            y0 = 150 + k * 62
            points = []
            for step in range(40):
                x = centre + side * (40 + step * 9)
                wave = 10 * math.sin(step / 4 + k)
                points.append((x, y0 + step * (2.2 + 0.3 * k) + wave))
            hot = 3 <= k <= 4
            pixels.line(points, fill=(250, 170, 120) if hot else (170, 205, 225),
                        width=5 if hot else 3)  # fmt: skip
    for k in range(11):  # the vertebrae, widest at the lower back
        y = 70 + k * 48
        half = 34 + round(10 * math.sin(math.pi * k / 10))
        pixels.rounded_rectangle(
            (centre - half, y, centre + half, y + 36),
            radius=12,
            fill=(246, 238, 226),
            outline=(60, 80, 110),
            width=3,
        )
    return image


def encoded() -> bytes:
    """The JPEG bytes (baseline, quality 82: about 30 KB)."""
    out = io.BytesIO()
    draw().save(out, "JPEG", quality=82, optimize=True)
    return out.getvalue()


def main(argv: list[str]) -> int:
    data = encoded()
    if "--check" in argv:
        same = TARGET.is_file() and TARGET.read_bytes() == data
        print(f"{TARGET.name}: {'up to date' if same else 'stale'}")
        return 0 if same else 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(data)
    print(f"wrote {TARGET} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
