"""Draw the bundled example's images: `static/images/herpes-back-pain.jpg` and `logo.png`.

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
LOGO = TARGET.with_name("logo.png")


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


def draw_logo(size: int = 192) -> Image.Image:
    """The example site's logo (`logo = "/images/logo.png"`): a blue rounded
    square with three light vertebrae, as in the illustration."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pixels = ImageDraw.Draw(image)
    pixels.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 5,
                             fill=(40, 84, 140, 255))  # fmt: skip
    step = size // 4
    for k in range(3):
        y = step * (k + 1) - step // 3
        half = size // 5 + (8 if k == 1 else 0)
        pixels.rounded_rectangle(
            (size // 2 - half, y, size // 2 + half, y + step * 2 // 3),
            radius=size // 16,
            fill=(246, 238, 226, 255),
        )
    return image


def encoded() -> dict[Path, bytes]:
    """The files' bytes: the JPEG (baseline, quality 82: about 45 KB) and the logo."""
    photo, logo = io.BytesIO(), io.BytesIO()
    draw().save(photo, "JPEG", quality=82, optimize=True)
    draw_logo().save(logo, "PNG", optimize=True)
    return {TARGET: photo.getvalue(), LOGO: logo.getvalue()}


def main(argv: list[str]) -> int:
    stale = 0
    for target, data in encoded().items():
        if "--check" in argv:
            same = target.is_file() and target.read_bytes() == data
            print(f"{target.name}: {'up to date' if same else 'stale'}")
            stale += not same
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target} ({len(data)} bytes)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
