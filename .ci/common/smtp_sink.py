#!/usr/bin/env python3
"""A tiny SMTP server for the cluster and crash tests: accepts every message and records its Message-ID.

Each accepted message appends one line "<epoch millis> <Message-ID>" to --log and is flushed at once, so a
duplicate delivery shows as a repeated Message-ID (the app makes it from the letter id) and the time tells
whether it came before or after a crash. Standard library only (smtpd is deprecated and gone in 3.12).

Usage: smtp_sink.py --log FILE --port-file FILE [--port N]   (port 0, the default, picks a free port)
"""
import argparse
import asyncio
import os
import re
import signal
import time

MESSAGE_ID = re.compile(rb"^message-id:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


def message_id(data: bytes) -> str:
    headers = data.split(b"\r\n\r\n", 1)[0]
    # unfold continuation lines so a Message-ID on the next line is still found
    headers = re.sub(rb"\r\n[ \t]+", b" ", headers)
    found = MESSAGE_ID.search(headers)
    return found.group(1).decode("ascii", "replace") if found else "<none>"


class Sink:
    def __init__(self, log_path: str):
        self.log = open(log_path, "a", encoding="ascii")

    def record(self, data: bytes) -> None:
        self.log.write(f"{int(time.time() * 1000)} {message_id(data)}\n")
        self.log.flush()

    async def session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        async def reply(line: str) -> None:
            writer.write(line.encode("ascii") + b"\r\n")
            await writer.drain()

        try:
            await reply("220 putitright-ci-sink ESMTP")
            while True:
                line = await reader.readline()
                if not line:
                    return
                verb = line.strip().split(b" ", 1)[0].upper()
                if verb in (b"EHLO", b"HELO"):
                    await reply("250 putitright-ci-sink")
                elif verb in (b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                    await reply("250 OK")
                elif verb == b"DATA":
                    await reply("354 end with <CRLF>.<CRLF>")
                    lines = []
                    while True:
                        chunk = await reader.readline()
                        if not chunk or chunk in (b".\r\n", b".\n"):
                            break
                        # undo dot-stuffing
                        lines.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                    if not chunk:
                        return  # the client went away mid-message: not delivered, so not recorded
                    # record before answering: a 250 the client saw always means a recorded message
                    self.record(b"".join(lines))
                    await reply("250 queued")
                elif verb == b"QUIT":
                    await reply("221 bye")
                    return
                else:
                    await reply("502 not implemented")
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    sink = Sink(args.log)
    server = await asyncio.start_server(sink.session, "127.0.0.1", args.port, limit=16 * 1024 * 1024)
    port = server.sockets[0].getsockname()[1]
    # written atomically, so a reader never sees a half-written port
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(port))
    os.replace(args.port_file + ".tmp", args.port_file)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    asyncio.run(main())
