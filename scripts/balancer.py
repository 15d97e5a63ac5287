"""A tiny round-robin TCP load balancer for trying the cluster on one machine.

Usage: python scripts/balancer.py LISTEN_PORT BACKEND_PORT [BACKEND_PORT ...]
Not for production (use HAProxy, nginx or your platform's balancer there): it
only spreads connections over the local instances and skips a backend that
refuses connections.
"""

import asyncio
import itertools
import sys


async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Copy bytes from reader to writer until EOF."""
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def main(listen: int, backends: list[int]) -> None:
    """Accept connections on 127.0.0.1:listen and forward them round-robin."""
    ring = itertools.cycle(backends)

    async def handle(client_reader, client_writer):
        for _attempt in range(len(backends)):
            port = next(ring)
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                continue
            await asyncio.gather(
                pipe(client_reader, writer), pipe(reader, client_writer)
            )
            return
        client_writer.close()

    server = await asyncio.start_server(handle, "0.0.0.0", listen)
    print(f"Balancing :{listen} over {backends}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), [int(p) for p in sys.argv[2:]]))
