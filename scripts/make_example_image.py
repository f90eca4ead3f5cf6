"""Draw the bundled examples' images: `static/images/herpes-back-pain.jpg`, `logo.png`
and the illustrations the other two example articles reference.

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


def draw_snippets(width: int, height: int, widths: list[list[float]]) -> Image.Image:
    """Abstract result snippets: a title bar and description lines per card.

    `widths` gives each card's description lines as fractions of the line
    (a line that reaches 1.0 ends in an ellipsis mark).
    """
    image = Image.new("RGB", (width, height), (246, 247, 250))
    pen = ImageDraw.Draw(image)
    margin, gap = width // 12, height // 24
    card_h = (height - 2 * margin - gap * (len(widths) - 1)) // len(widths)
    line_w = width - 2 * margin - 2 * gap
    for i, lines in enumerate(widths):
        top = margin + i * (card_h + gap)
        pen.rounded_rectangle(
            (margin, top, width - margin, top + card_h), radius=18, fill=(255, 255, 255)
        )
        x, y = margin + gap, top + gap
        pen.rounded_rectangle(
            (x, y, x + line_w * 0.55, y + 22), radius=8, fill=(26, 13, 171)
        )
        y += 46
        for fraction in lines:
            end = x + line_w * min(fraction, 1.0)
            pen.rounded_rectangle((x, y, end, y + 14), radius=6, fill=(95, 99, 104))
            if fraction >= 1.0:
                for k in range(3):
                    cx = end + 14 + k * 14
                    pen.ellipse((cx, y + 4, cx + 6, y + 10), fill=(200, 40, 40))
            y += 30
    return image


def draw_terminal(width: int, height: int) -> Image.Image:
    """An abstract terminal window: prompt, measured lines, a cut marker."""
    image = Image.new("RGB", (width, height), (30, 33, 40))
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, width, 44), fill=(52, 56, 66))
    for k, colour in enumerate([(237, 106, 94), (245, 191, 79), (98, 197, 84)]):
        pen.ellipse((20 + k * 30, 14, 36 + k * 30, 30), fill=colour)
    rows = [(0.35, (120, 200, 120)), (0.8, (210, 214, 220)), (0.62, (210, 214, 220)),
            (0.7, (240, 180, 90)), (0.45, (210, 214, 220)), (0.9, (120, 170, 240))]  # fmt: skip
    for i, (fraction, colour) in enumerate(rows):
        y = 80 + i * 52
        pen.rounded_rectangle(
            (40, y, 40 + (width - 80) * fraction, y + 18), radius=6, fill=colour
        )
    cut = 40 + (width - 80) * 0.74
    pen.line((cut, 70, cut, 70 + 52 * len(rows)), fill=(237, 106, 94), width=4)
    return image


def draw_winter(width: int, height: int) -> Image.Image:
    """A frosty path at sunrise with a runner's bright jacket as a small shape."""
    image = Image.new("RGB", (width, height))
    pen = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        pen.line(
            (0, y, width, y),
            fill=(int(250 - 120 * t), int(200 - 60 * t), int(170 + 60 * t)),
        )
    pen.ellipse(
        (width * 0.62, height * 0.18, width * 0.78, height * 0.42), fill=(255, 226, 160)
    )
    ground = [(0, height * 0.62), (width * 0.4, height * 0.55), (width, height * 0.66),
              (width, height), (0, height)]  # fmt: skip
    pen.polygon(ground, fill=(226, 234, 242))
    path = [(width * 0.44, height), (width * 0.52, height * 0.58), (width * 0.56, height * 0.58),
            (width * 0.7, height)]  # fmt: skip
    pen.polygon(path, fill=(200, 208, 220))
    x, y = width * 0.52, height * 0.5
    pen.rounded_rectangle((x, y, x + 26, y + 60), radius=10, fill=(255, 90, 40))
    pen.ellipse((x + 3, y - 24, x + 23, y - 4), fill=(60, 40, 40))
    return image.filter(ImageFilter.GaussianBlur(1))


def encoded() -> dict[Path, bytes]:
    """The files' bytes: JPEGs at quality 82 (baseline), PNGs optimised."""
    files = {
        TARGET: (draw(), "JPEG"),
        LOGO: (draw_logo(), "PNG"),
        TARGET.with_name("snippet-preview.png"): (
            draw_snippets(1200, 675, [[0.9, 1.0], [0.8, 0.55]]),
            "PNG",
        ),
        TARGET.with_name("pixel-width-comparison.png"): (
            draw_snippets(1200, 675, [[1.0, 1.0], [0.95, 0.6]]),
            "PNG",
        ),
        TARGET.with_name("meta-command.png"): (draw_terminal(1200, 675), "PNG"),
        TARGET.with_name("winter-running.jpg"): (draw_winter(1200, 800), "JPEG"),
    }
    out: dict[Path, bytes] = {}
    for target, (image, kind) in files.items():
        buffer = io.BytesIO()
        if kind == "JPEG":
            image.save(buffer, "JPEG", quality=82, optimize=True)
        else:
            image.save(buffer, "PNG", optimize=True)
        out[target] = buffer.getvalue()
    return out


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
