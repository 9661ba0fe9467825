#!/usr/bin/env python3
"""The README's print screenshot: two facing pages of a PDF side by side, as one grey PNG.

    fascicle formats/pdf/tests/data/print-spread/book.xml -o spread.pdf --paper 6x9in
    pdftoppm -r 80 -f 8 -l 9 -gray spread.pdf page
    python3 spread.py page-08.pgm page-09.pgm formats/pdf/print-spread.png

(Python's standard library only: no imaging library is installed.)
"""
import struct
import sys
import zlib


def read_pgm(path):
    data = open(path, "rb").read()
    magic, width, height, _maximum, pixels = data.split(maxsplit=4)
    assert magic == b"P5", path
    return int(width), int(height), pixels


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def main(left_path, right_path, out_path, gap=16, background=150):
    (w1, h1, left), (w2, h2, right) = read_pgm(left_path), read_pgm(right_path)
    width, height = w1 + w2 + 3 * gap, max(h1, h2) + 2 * gap
    rows = []
    for y in range(height):
        row = bytearray([background] * width)
        page_y = y - gap
        if 0 <= page_y < h1:
            row[gap:gap + w1] = left[page_y * w1:(page_y + 1) * w1]
        if 0 <= page_y < h2:
            row[2 * gap + w1:2 * gap + w1 + w2] = right[page_y * w2:(page_y + 1) * w2]
        rows.append(b"\0" + bytes(row))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    png = (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) +
           png_chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + png_chunk(b"IEND", b""))
    open(out_path, "wb").write(png)


if __name__ == "__main__":
    main(*sys.argv[1:4])
