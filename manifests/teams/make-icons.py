#!/usr/bin/env python3
"""Draws the Teams app icons with the standard library only (no Pillow, no ImageMagick).

color.png   192x192: the accent colour with a white memo sheet and a check mark (a signed memo).
outline.png  32x32 : the same symbol in white on a transparent background, as Teams requires.

Run from anywhere: python3 manifests/teams/make-icons.py
"""
import math
import os
import struct
import zlib

ACCENT = (0x2F, 0x5D, 0x8A)
HERE = os.path.dirname(os.path.abspath(__file__))


def png(path, size, pixel):
    rows = bytearray()
    for y in range(size):
        rows.append(0)  # filter: none
        for x in range(size):
            rows.extend(pixel(x, y))
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def symbol(u, v, stroke):
    """Coverage test in unit coordinates (0..1): a sheet outline with text lines and a check mark."""
    left, top, right, bottom = 0.24, 0.14, 0.76, 0.86
    on_edge = (left - stroke / 2 <= u <= right + stroke / 2 and top - stroke / 2 <= v <= bottom + stroke / 2) and not (
        left + stroke / 2 < u < right - stroke / 2 and top + stroke / 2 < v < bottom - stroke / 2)
    lines = any(segment_distance(u, v, 0.34, y, 0.66, y) <= stroke / 2 for y in (0.30, 0.42))
    check = min(segment_distance(u, v, 0.35, 0.62, 0.45, 0.73), segment_distance(u, v, 0.45, 0.73, 0.66, 0.52)) <= stroke * 0.6
    return on_edge or lines or check


def coverage(x, y, size, stroke, samples=4):
    hits = 0
    for i in range(samples):
        for j in range(samples):
            if symbol((x + (i + 0.5) / samples) / size, (y + (j + 0.5) / samples) / size, stroke):
                hits += 1
    return hits / (samples * samples)


def color_pixel(x, y):
    a = coverage(x, y, 192, 0.045)
    return tuple(round(c * (1 - a) + 255 * a) for c in ACCENT) + (255,)


def outline_pixel(x, y):
    return (255, 255, 255, round(255 * coverage(x, y, 32, 0.07)))


png(os.path.join(HERE, "color.png"), 192, color_pixel)
png(os.path.join(HERE, "outline.png"), 32, outline_pixel)
print("wrote color.png (192x192) and outline.png (32x32)")
