#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) that keeps every message it accepts, for GoodAir's alert tests.

It listens on a free loopback port and prints `PORT <n>` on stdout once it accepts connections.
Every accepted message becomes two files in --dir, written atomically (temporary name, then rename):

  0001.eml    the message exactly as received (RFC 5322 text)
  0001.json   the envelope (mail_from, rcpt_tos), the authenticated user, whether TLS was on, and the
              message as Python's own e-mail parser decodes it (subject, from, to, date, message_id,
              body text, defects): an independent decoding of what GoodAir encoded

Options:
  --starttls-cert FILE --starttls-key FILE   offer STARTTLS with this certificate
  --require-starttls                         refuse MAIL before STARTTLS
  --implicit-tls                             TLS from the first byte (smtps://) with the certificate
  --auth-user U --auth-password P            AUTH PLAIN/LOGIN with these credentials, required
  --refuse CODE                              answer DATA with CODE (e.g. 451): nothing is accepted

The file `<dir>/_refuse`, when present, holds a code that refuses DATA the same way, so a test can
take the server down and up again without changing its port.

  python scripts/smtp-sink.py --dir /tmp/mails
"""
import argparse
import asyncio
import json
import os
import signal
import ssl
import sys
from email import policy
from email.parser import BytesParser

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

REFUSALS = {
    421: "421 4.3.2 Service not available",
    450: "450 4.2.0 Mailbox unavailable",
    451: "451 4.3.0 Local error in processing, try again later",
    452: "452 4.3.1 Insufficient system storage",
    550: "550 5.7.1 Message refused",
    554: "554 5.6.0 Transaction failed",
}


def write_atomically(path, data):
    temporary = path + ".tmp"
    with open(temporary, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.rename(temporary, path)


def decoded(raw):
    """The message as Python's e-mail package reads it (RFC 2047 headers, transfer encodings)."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    body = message.get_body(preferencelist=("plain",))
    defects = [type(d).__name__ for d in message.defects]
    for name in message.keys():
        defects += [f"{name}: {type(d).__name__}" for d in getattr(message[name], "defects", ())]
    return {
        "subject": str(message["subject"]) if message["subject"] is not None else None,
        "from": str(message["from"]) if message["from"] is not None else None,
        "to": str(message["to"]) if message["to"] is not None else None,
        "date": str(message["date"]) if message["date"] is not None else None,
        "message_id": str(message["message-id"]) if message["message-id"] is not None else None,
        "content_type": message.get_content_type(),
        "charset": body.get_content_charset() if body is not None else None,
        "transfer_encoding": body["content-transfer-encoding"] if body is not None else None,
        "body": body.get_content().replace("\r\n", "\n") if body is not None else None,
        "defects": defects,
    }


class Sink:
    def __init__(self, folder, refuse, implicit_tls):
        self.folder = folder
        self.refuse = refuse
        self.implicit_tls = implicit_tls
        self.count = len([n for n in os.listdir(folder) if n.endswith(".eml")])

    def refusal(self):
        control = os.path.join(self.folder, "_refuse")
        code = self.refuse
        if os.path.exists(control):
            with open(control) as f:
                code = int(f.read().strip() or "451")
        if code is None:
            return None
        return REFUSALS.get(code, f"{code} Refused by the test server")

    async def handle_DATA(self, server, session, envelope):
        refusal = self.refusal()
        if refusal:
            return refusal
        self.count += 1
        stem = os.path.join(self.folder, f"{self.count:04d}")
        raw = envelope.original_content or envelope.content
        write_atomically(stem + ".eml", raw)
        login = getattr(session, "login_data", None)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "authenticated_user": login.decode() if isinstance(login, bytes) else login,
            "tls": self.implicit_tls or session.ssl is not None,
            "message": decoded(raw),
        }
        write_atomically(stem + ".json", json.dumps(record, ensure_ascii=False, indent=2).encode())
        return "250 2.0.0 Message accepted for delivery"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() \
            and auth_data.password == password.encode()
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)
    return check


async def main():
    # A parent may start us with signals blocked (a test runner's threads do): unblock them so that
    # SIGTERM stops the server.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    parser = argparse.ArgumentParser(description="SMTP sink for GoodAir's alert tests")
    parser.add_argument("--dir", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--starttls-cert")
    parser.add_argument("--starttls-key")
    parser.add_argument("--require-starttls", action="store_true")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--auth-user")
    parser.add_argument("--auth-password")
    parser.add_argument("--refuse", type=int)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)

    context = None
    if args.starttls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.starttls_cert, args.starttls_key)
    handler = Sink(args.dir, args.refuse, args.implicit_tls)
    options = {"hostname": "goodair-sink.test", "decode_data": False}
    if args.auth_user is not None:
        options.update(authenticator=authenticator(args.auth_user, args.auth_password or ""),
                       auth_required=True, auth_require_tls=context is not None and not args.implicit_tls)

    def factory():
        if args.implicit_tls:
            return SMTP(handler, **options)
        return SMTP(handler, tls_context=context, require_starttls=args.require_starttls, **options)

    loop = asyncio.get_running_loop()
    server = await loop.create_server(factory, args.host, 0, ssl=context if args.implicit_tls else None)
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
