#!/usr/bin/env python3
"""Where a hub's CPU goes by call path, from a JFR recording's execution samples.

    jfr print --stack-depth 96 --events jdk.ExecutionSample rec.jfr | bench/jfr-paths.py

The top-frame grouping (bench/lib.sh jfr_top) says which library burns the CPU, not on whose behalf: Jackson
writing a page and Jackson reading a token's claims both show as Jackson. Here each sample counts once, under one
of the paths below:
- a HOOK (a piece of work that calls into generic code: the metrics' URI template calls RESTEasy's router, the token
  cache calls the JDK's SHA-256) claims every sample with its frame anywhere on the stack; hooks are tried in order;
- otherwise the sample goes to the LAYER of its innermost recognised frame (Jackson, the PostgreSQL client, Netty...),
  so that layers that wrap what runs after them (context propagation, the security check's continuation) are charged
  only for their own work.
Vert.x runs a request's route handlers as a chain, each calling the next from inside its own frame, so every handler
earlier in the chain is on the stack of all the work after it: only the frames below the innermost step of the chain
(RoutingContext next/iterateNext) are looked at.
"""
import re
import sys

HOOKS = [
    ("security: bearer token verification (quarkus-oidc, jose4j)", r"io\.quarkus\.oidc\.runtime\.Oidc(IdentityProvider|Provider)\.|org\.jose4j\."),
    ("security: verified-token cache (hash of the token, lookup)", r"org\.supervisionhub\.security\.VerifiedTokenCache"),
    ("metrics: URI template of the request (RESTEasy observability hook)", r"ObservabilityIntegrationRecorder\.setTemplatePath"),
    ("request id (X-Request-Id)", r"org\.supervisionhub\.common\.RequestIds"),
    ("rate limiting", r"org\.supervisionhub\.common\.limit\."),
    ("bean validation of the parameters", r"org\.hibernate\.validator\."),
    ("audit of reads", r"org\.supervisionhub\.audit\."),
    ("JSON: writing the answer (Jackson)", r"ServerJacksonMessageBodyWriter|BasicServerJacksonMessageBodyWriter|com\.fasterxml\.jackson\.databind\.ser\."),
]
LAYERS = [
    ("metrics: recording the HTTP server timer", r"io\.quarkus\.micrometer\.|io\.micrometer\."),
    ("security: authentication and roles (Quarkus security, OIDC mechanism)", r"io\.quarkus\.security\.|io\.quarkus\.vertx\.http\.runtime\.security\.|io\.quarkus\.oidc\."),
    ("context propagation (SmallRye Context, ArC request context)", r"io\.smallrye\.context\.|io\.quarkus\.arc\."),
    ("reactive plumbing (Mutiny)", r"io\.smallrye\.mutiny\."),
    ("JSON: reading (Jackson)", r"com\.fasterxml\.jackson\."),
    ("database client (Vert.x PostgreSQL client, pool)", r"io\.vertx\.pgclient\.|io\.vertx\.sqlclient\.|io\.vertx\.mutiny\.sqlclient\."),
    ("hub code (resource, service, queries)", r"org\.supervisionhub\."),
    ("RESTEasy Reactive (routing, parameters, response)", r"org\.jboss\.resteasy\.reactive\.|io\.quarkus\.resteasy\.reactive\."),
    ("HTTP server (Vert.x web and HTTP, Netty codec)", r"io\.vertx\.ext\.web\.|io\.vertx\.core\.http\.|io\.quarkus\.vertx\.http\.|io\.netty\.handler\.codec\.http"),
    ("network I/O and event loop (Netty, Vert.x core)", r"io\.netty\.|io\.vertx\.core\."),
]
HOOK_PATTERNS = [(name, re.compile(pattern)) for name, pattern in HOOKS]
LAYER_PATTERNS = [(name, re.compile(pattern)) for name, pattern in LAYERS]
CHAIN_STEP = re.compile(r"io\.vertx\.ext\.web\.impl\.RoutingContext\w*\.(next|iterateNext)$")


def samples(lines):
    """Yields each sample's frames, leaf first, as 'package.Class.method' strings."""
    frames, inside = [], False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("stackTrace = ["):
            frames, inside = [], True
        elif inside and stripped.startswith("]"):
            inside = False
            yield frames
        elif inside and stripped and stripped != "...":
            frames.append(stripped.split("(")[0].split(" ")[0])


def main():
    counts, total = {}, 0
    for frames in samples(sys.stdin):
        total += 1
        step = next((i for i, frame in enumerate(frames) if CHAIN_STEP.search(frame)), len(frames))
        frames = frames[:step]
        label = next((name for name, pattern in HOOK_PATTERNS if any(pattern.search(f) for f in frames)), None)
        if label is None:
            label = next((name for frame in frames for name, pattern in LAYER_PATTERNS if pattern.search(frame)),
                         "other (JDK and JVM only)")
        counts[label] = counts.get(label, 0) + 1
    if not total:
        print("no execution samples")
        return
    print(f"{total} execution samples")
    for label, count in sorted(counts.items(), key=lambda item: -item[1]):
        print(f"{100 * count / total:6.1f}%  {label}")


if __name__ == "__main__":
    main()
