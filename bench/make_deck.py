"""Write an N-item slidegen outline to stdout: Vietnamese title, B bullets of ~W words, notes.

    python bench/make_deck.py 1000 [--bullets 5] [--words 8] > deck.yaml

Deterministic (fixed seed), so every run measures the same content. Items come in sections of
20; agenda and closing are off, so the deck has N + ceil(N/20) + 1 slides.
"""

from __future__ import annotations

import argparse
import random
import sys

import yaml

WORDS = ("hợp tác sở hữu trí tuệ ASEAN Việt Nam chủ tịch nhiệm kỳ cuộc họp trực tuyến kế hoạch hành "
         "động đánh giá giữa kỳ đối tác khu vực sáng kiến cơ quan quốc gia đại dịch kết quả chuyển giao "
         "thành viên nhóm công tác phiên đặc biệt ưu tiên học viện cổng thông tin").split()
SECTION_SIZE = 20


def outline(items: int, bullets: int, words: int) -> dict:
    rng = random.Random(2019)

    def sentence(k: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(k)).capitalize()

    sections = []
    for start in range(0, items, SECTION_SIZE):
        count = min(SECTION_SIZE, items - start)
        sections.append({"title": sentence(5), "items": [
            {"title": sentence(6), "slides": [{"bullets": [sentence(words) for _ in range(bullets)],
                                               "notes": sentence(3 * words)}]}
            for _ in range(count)]})
    return {"deck": {"title": "Báo cáo tổng hợp hợp tác SHTT", "date": "2022-03-04", "language": "vi-VN",
                     "footer": "Cục Sở hữu trí tuệ", "agenda": {"enabled": False},
                     "closing": {"enabled": False}},
            "sections": sections}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("items", type=int)
    parser.add_argument("--bullets", type=int, default=5)
    parser.add_argument("--words", type=int, default=8)
    args = parser.parse_args()
    yaml.safe_dump(outline(args.items, args.bullets, args.words), sys.stdout, allow_unicode=True, sort_keys=False)


if __name__ == "__main__":
    main()
