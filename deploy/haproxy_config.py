#!/usr/bin/env python3
"""Write the HAProxy configuration that spreads the points cloud over its API nodes (Debian's haproxy 2.6).

    python3 deploy/haproxy_config.py --listen 0.0.0.0:443 --tls /etc/haproxy/certs/kiosk-cloud.pem \\
        --node 10.0.0.11:8701 --node 10.0.0.12:8701 > /etc/haproxy/haproxy.cfg

Standard library only (the load balancer's machine needs no kiosk software). What the configuration does:
- TLS ends here (`--tls`: certificate chain + private key in one PEM file, as HAProxy wants it); TLS 1.2 minimum,
  HSTS; `--redirect-from` adds a plain-HTTP listener that only redirects to https. Without `--tls` it listens in
  plain HTTP (tests, or TLS ended by a device in front).
- Every request goes to the node with the fewest open requests (`balance leastconn`); a node is in rotation while
  `GET /v1/health` answers 200 (checked every 1 s, out after 2 failures, back after 2 successes), so a node whose
  database is unreachable or whose schema is not current (503) is taken out as well as a dead one.
- A request whose connection to a node fails is retried on another node (`retry-on conn-failure`, `option
  redispatch`); a request that reached a node is never re-sent by HAProxy (the node may have applied it): the
  terminal repeats it with the same idempotency key, which the cloud answers from its stored result.
- The caller's address goes to the node in X-Forwarded-For (any X-Forwarded-For the caller sent is dropped first),
  so the cloud's per-address limits see real addresses (uvicorn believes the header from FORWARDED_ALLOW_IPS).
- `/metrics` is refused here (403): Prometheus scrapes each node directly (kiosk_cloud/metrics.py).
"""

from __future__ import annotations

import argparse
import sys

TLS_CIPHERS = ("ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
               "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305")
TLS13_SUITES = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256"


def render(listen: str, nodes: list[str], *, tls: str | None = None, redirect_from: str | None = None,
           log: str = "/dev/log local0", pidfile: str | None = None, stats_socket: str | None = None,
           check_interval_ms: int = 1000, maxconn: int = 20000) -> str:
    if not nodes:
        raise ValueError("at least one --node")
    glob = ["global", f"    log {log}", f"    maxconn {maxconn}",
            f"    ssl-default-bind-ciphers {TLS_CIPHERS}",
            f"    ssl-default-bind-ciphersuites {TLS13_SUITES}",
            "    ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets"]
    if pidfile:
        glob.append(f"    pidfile {pidfile}")
    if stats_socket:
        glob.append(f"    stats socket {stats_socket} mode 600 level admin")
    defaults = ["defaults", "    mode http", "    log global", "    option httplog", "    option dontlognull",
                "    timeout connect 3s", "    timeout client 60s", "    timeout server 60s",
                "    timeout http-request 10s", "    timeout http-keep-alive 30s", "    timeout queue 10s",
                "    retries 2", "    retry-on conn-failure", "    option redispatch"]
    bind = f"    bind {listen}" + (f" ssl crt {tls} alpn http/1.1" if tls else "")
    front = ["frontend kiosk_cloud", bind,
             "    http-request deny deny_status 403 if { path /metrics } || { path_beg /metrics/ }",
             "    http-request del-header X-Forwarded-For",
             "    option forwardfor",
             "    http-request set-header X-Forwarded-Proto https if { ssl_fc }",
             "    http-response set-header Strict-Transport-Security \"max-age=31536000\" if { ssl_fc }",
             "    default_backend kiosk_cloud_nodes"]
    out = [*glob, "", *defaults, "", *front, ""]
    if redirect_from:
        out += ["frontend kiosk_cloud_plain", f"    bind {redirect_from}",
                "    http-request redirect scheme https code 301", ""]
    back = ["backend kiosk_cloud_nodes", "    balance leastconn",
            "    option httpchk", "    http-check send meth GET uri /v1/health ver HTTP/1.1 hdr Host kiosk-cloud",
            "    http-check expect status 200",
            f"    default-server inter {check_interval_ms} fastinter {max(200, check_interval_ms // 2)} "
            "fall 2 rise 2 on-marked-down shutdown-sessions"]
    back += [f"    server node{i} {node} check" for i, node in enumerate(nodes, 1)]
    return "\n".join([*out, *back]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", default="0.0.0.0:443", help="address:port of the public listener")
    parser.add_argument("--node", action="append", default=[], required=True, help="host:port of an API node")
    parser.add_argument("--tls", help="PEM with the certificate chain and private key (TLS ends at HAProxy)")
    parser.add_argument("--redirect-from", help="address:port of a plain-HTTP listener that redirects to https")
    parser.add_argument("--log", default="/dev/log local0", help="HAProxy's log target (e.g. 'stdout format raw "
                                                                 "local0' under a test)")
    parser.add_argument("--pidfile")
    parser.add_argument("--stats-socket", help="a UNIX socket for `show stat` / draining a node")
    parser.add_argument("--check-interval-ms", type=int, default=1000)
    parser.add_argument("--maxconn", type=int, default=20000, help="open connections (needs about twice as many "
                                                                   "file descriptors: systemd's LimitNOFILE)")
    args = parser.parse_args(argv)
    sys.stdout.write(render(args.listen, args.node, tls=args.tls, redirect_from=args.redirect_from, log=args.log,
                            pidfile=args.pidfile, stats_socket=args.stats_socket,
                            check_interval_ms=args.check_interval_ms, maxconn=args.maxconn))
    return 0


if __name__ == "__main__":
    sys.exit(main())
