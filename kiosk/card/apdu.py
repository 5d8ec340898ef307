"""ISO 7816-4 command and response APDUs (short and extended length)."""

from __future__ import annotations

from dataclasses import dataclass

MAX_SHORT_LE = 256
MAX_EXTENDED_LE = 65536


@dataclass(frozen=True)
class CommandApdu:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    le: int | None = None  # None: no Le; 256 / 65536 encode as 00 / 00 00
    extended: bool = False

    def encode(self) -> bytes:
        header = bytes([self.cla, self.ins, self.p1, self.p2])
        ext = self.extended or len(self.data) > 255 or (self.le is not None and self.le > MAX_SHORT_LE)
        body = b""
        if ext:
            if self.data:
                body += b"\x00" + len(self.data).to_bytes(2, "big") + self.data
            if self.le is not None:
                le = b"" if self.data else b"\x00"
                body += le + (self.le % MAX_EXTENDED_LE).to_bytes(2, "big")
        else:
            if self.data:
                body += bytes([len(self.data)]) + self.data
            if self.le is not None:
                body += bytes([self.le % MAX_SHORT_LE])
        return header + body

    @classmethod
    def decode(cls, raw: bytes) -> CommandApdu:
        """Parse any of the ISO 7816-4 cases 1-4, short or extended."""
        if len(raw) < 4:
            raise ValueError("APDU shorter than its header")
        cla, ins, p1, p2 = raw[:4]
        body = raw[4:]
        if not body:
            return cls(cla, ins, p1, p2)
        if len(body) == 1:
            return cls(cla, ins, p1, p2, le=body[0] or MAX_SHORT_LE)
        if body[0] != 0:  # short case 3 or 4
            lc = body[0]
            if len(body) not in (1 + lc, 2 + lc):
                raise ValueError("malformed short APDU")
            le = (body[1 + lc] or MAX_SHORT_LE) if len(body) == 2 + lc else None
            return cls(cla, ins, p1, p2, data=body[1 : 1 + lc], le=le)
        if len(body) == 3:  # extended case 2
            return cls(cla, ins, p1, p2, le=int.from_bytes(body[1:3], "big") or MAX_EXTENDED_LE, extended=True)
        lc = int.from_bytes(body[1:3], "big")
        rest = body[3:]
        if lc == 0 or len(rest) not in (lc, lc + 2):
            raise ValueError("malformed extended APDU")
        le = (int.from_bytes(rest[lc:], "big") or MAX_EXTENDED_LE) if len(rest) == lc + 2 else None
        return cls(cla, ins, p1, p2, data=rest[:lc], le=le, extended=True)


@dataclass(frozen=True)
class ResponseApdu:
    data: bytes
    sw: int

    @property
    def sw1(self) -> int:
        return self.sw >> 8

    @property
    def sw2(self) -> int:
        return self.sw & 0xFF

    @property
    def ok(self) -> bool:
        return self.sw == 0x9000

    @classmethod
    def decode(cls, raw: bytes) -> ResponseApdu:
        if len(raw) < 2:
            raise ValueError("response shorter than a status word")
        return cls(bytes(raw[:-2]), int.from_bytes(raw[-2:], "big"))

    def encode(self) -> bytes:
        return self.data + self.sw.to_bytes(2, "big")
