"""botocore's own serializer and parser as the oracle of `cargo xtask conformance botocore`.

Usage:
  botocore_diff.py <out-dir> <seed> <cases> <service>...
      For every operation of each botocore service (its newest API version in this botocore):
      <cases> seeded random valid inputs serialized by `botocore.serialize`, one random output
      response and one random modeled error response parsed by `botocore.parsers`. Writes
      <out-dir>/<service>.model.json (the service's botocore model, as botocore loads it) and
      <out-dir>/<service>.cases.json (the cases, in the form of AWS's protocol tests in botocore's
      form: `given` names the operation; inputs have `params` and `serialized` {method, uri,
      headers, body} and `host`; outputs have `response` {status_code, headers, body} and `result`,
      or `error`, `errorCode` and `errorMessage`), and `skipped` [[operation, reason]].
      Values are in the form of `codegen::rust::literal` (blobs as strings, timestamps as epoch
      seconds). Prints one JSON line {"botocore": version} first.
"""

import base64
import datetime
import json
import os
import random
import re
import sys
import warnings

with warnings.catch_warnings():
    # Python's own regex parser, deprecated as a public module but the only one there is.
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants
    import sre_parse

import botocore
import botocore.session
from botocore.handlers import generate_idempotent_uuid
from botocore.model import ServiceModel
from botocore.parsers import create_parser
from botocore.serialize import create_serializer
from botocore.utils import percent_encode_sequence

# What stands for a generated idempotency token on both sides (see the runner's `FIXED_TOKEN`).
FIXED_TOKEN = "00000000-0000-4000-8000-000000000000"
UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
# Beyond this depth only required members are set and lists/maps get their minimum size.
SHALLOW = 3
# Past this depth a value is abandoned (a required cycle).
DEEPEST = 12
PROTOCOLS = {"json": "json", "rest-json": "rest-json"}


class Unsatisfiable(Exception):
    """No value found for a shape (a pattern we cannot satisfy, a required cycle)."""


def pattern_value(pattern, rnd, low, high):
    """A string matching `pattern` (searched, as Smithy does) with length in [low, high]."""
    text = re.sub(r"\\[pP]\{[A-Za-z_]+\}", "a", pattern)
    # A UTF-16 surrogate pair written as two escapes (ECMAScript) becomes the code point it means.
    text = re.sub(r"\\u(D[89AB][0-9A-F]{2})\\u(D[C-F][0-9A-F]{2})", surrogates, text, flags=re.I)
    try:
        tree = sre_parse.parse(text)
        compiled = re.compile(text)
    except (re.error, sre_constants.error, OverflowError) as e:
        raise Unsatisfiable(f"pattern {pattern!r} is not a Python regex: {e}")
    for attempt in range(60):
        # Repeats grow by at most 3, or up to the wanted minimum length, or the maximum.
        s = emit(tree, rnd, [3, max(low, 3), min(high, 64)][attempt % 3])
        if low <= len(s) <= high and compiled.search(s):
            return s
    raise Unsatisfiable(f"no string of length {low}..{high} found for pattern {pattern!r}")


def surrogates(m):
    hi, lo = int(m.group(1), 16), int(m.group(2), 16)
    return "\\U%08X" % (0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))


def emit(tree, rnd, budget):
    out = []
    for op, arg in tree:
        if op == sre_constants.LITERAL:
            out.append(chr(arg))
        elif op == sre_constants.NOT_LITERAL:
            out.append("a" if chr(arg) != "a" else "b")
        elif op == sre_constants.ANY:
            out.append(rnd.choice("abcXYZ019"))
        elif op == sre_constants.IN:
            out.append(in_class(arg, rnd))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            lo, hi, sub = arg
            hi = min(hi, lo + budget)
            for _ in range(rnd.randint(lo, hi)):
                out.append(emit(sub, rnd, budget))
        elif op == sre_constants.SUBPATTERN:
            out.append(emit(arg[-1], rnd, budget))
        elif op == sre_constants.BRANCH:
            out.append(emit(rnd.choice(arg[1]), rnd, budget))
        elif op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            pass
        elif op == sre_constants.CATEGORY:
            out.append(category(arg))
        else:
            raise Unsatisfiable(f"regex construct {op} not generated")
    return "".join(out)


def category(cat):
    return {
        sre_constants.CATEGORY_DIGIT: "7",
        sre_constants.CATEGORY_NOT_DIGIT: "a",
        sre_constants.CATEGORY_SPACE: " ",
        sre_constants.CATEGORY_NOT_SPACE: "a",
        sre_constants.CATEGORY_WORD: "w",
        sre_constants.CATEGORY_NOT_WORD: "-",
    }.get(cat, "a")


def in_class(items, rnd):
    if items and items[0][0] == sre_constants.NEGATE:
        banned = set()
        for op, arg in items[1:]:
            if op == sre_constants.LITERAL:
                banned.add(chr(arg))
            elif op == sre_constants.RANGE:
                banned.update(chr(c) for c in range(arg[0], min(arg[1], 0x7F) + 1))
        choices = [c for c in "abcXYZ0189-_" if c not in banned]
        return rnd.choice(choices) if choices else "a"
    op, arg = rnd.choice(items)
    if op == sre_constants.LITERAL:
        return chr(arg)
    if op == sre_constants.RANGE:
        return chr(rnd.randint(arg[0], min(arg[1], max(arg[0], 0x7E))))
    if op == sre_constants.CATEGORY:
        return category(arg)
    return "a"


class Values:
    """Seeded random valid values of botocore shapes, in two forms: for botocore (bytes,
    datetimes) and in literal form (for the generated crate)."""

    def __init__(self, rnd):
        self.rnd = rnd

    def value(self, shape, depth=0):
        if depth > DEEPEST:
            raise Unsatisfiable(f"shape {shape.name} nests too deeply (a required cycle)")
        rnd = self.rnd
        t = shape.type_name
        meta = shape.metadata
        if t == "structure":
            out = {}
            required = set(meta.get("required", []))
            names = list(shape.members)
            if shape.is_tagged_union or meta.get("union"):
                rnd.shuffle(names)
                for name in names:
                    try:
                        return {name: self.value(shape.members[name], depth + 1)}
                    except Unsatisfiable:
                        continue
                raise Unsatisfiable(f"no member of union {shape.name} can be built")
            for name in names:
                member = shape.members[name]
                if member.metadata.get("idempotencyToken") and name not in required:
                    continue
                if member.serialization.get("eventstream"):
                    continue
                if name not in required and (depth >= SHALLOW or rnd.random() < 0.4):
                    continue
                try:
                    out[name] = self.value(member, depth + 1)
                except Unsatisfiable:
                    if name in required:
                        raise
            return out
        if t == "list":
            n = self.size(meta, depth)
            return [self.value(shape.member, depth + 1) for _ in range(n)]
        if t == "map":
            n = self.size(meta, depth)
            out = {}
            for _ in range(n * 3):
                if len(out) >= n:
                    break
                out[self.value(shape.key, depth + 1)] = self.value(shape.value, depth + 1)
            if len(out) < n:
                raise Unsatisfiable(f"map {shape.name} needs {n} distinct keys")
            return out
        if t == "string":
            enum = meta.get("enum")
            if enum:
                return rnd.choice(enum)
            low = max(meta.get("min", 0), 1 if depth > 0 else 0)
            if meta.get("pattern"):
                return pattern_value(meta["pattern"], rnd, low, max(low, meta.get("max", 256)))
            high = max(low, min(meta.get("max", 12), low + 12))
            n = rnd.randint(low, high)
            return "".join(rnd.choice("abcdefghijKLMNOP0123456789-_") for _ in range(n))
        if t in ("integer", "long", "short", "byte"):
            bits = {"integer": 31, "long": 40, "short": 15, "byte": 7}[t]
            low = int(meta.get("min", 0))
            high = int(meta.get("max", min(low + 1000, 2**bits - 1)))
            return rnd.randint(max(low, -(2**bits)), min(high, 2**bits - 1))
        if t in ("float", "double"):
            low = float(meta.get("min", 0))
            high = float(meta.get("max", low + 100))
            # Quarters are exact in f32 and f64, so both sides print them the same way.
            steps = int(min((high - low) * 4, 4000))
            return low + rnd.randint(0, max(steps, 0)) / 4
        if t == "boolean":
            return rnd.random() < 0.5
        if t == "timestamp":
            secs = rnd.randint(946684800, 1893456000)
            return datetime.datetime.fromtimestamp(secs, datetime.timezone.utc)
        if t == "blob":
            low = int(meta.get("min", 1))
            n = rnd.randint(max(low, 1), max(low, 1) + 8)
            return "".join(rnd.choice("blobDATA0123") for _ in range(n)).encode()
        if t == "document":
            return {"k": rnd.randint(0, 9), "s": "doc"}
        raise Unsatisfiable(f"shape type {t} of {shape.name}")

    def size(self, meta, depth):
        low = int(meta.get("min", 0))
        if depth >= SHALLOW:
            return low
        return self.rnd.randint(low, max(low, min(int(meta.get("max", 2)), low + 2)))


def literal(v):
    """A botocore value in literal form."""
    if isinstance(v, dict):
        return {k: literal(x) for k, x in v.items()}
    if isinstance(v, list):
        return [literal(x) for x in v]
    if isinstance(v, (bytes, bytearray)):
        return v.decode("utf-8")
    if isinstance(v, datetime.datetime):
        secs = v.timestamp()
        return int(secs) if secs == int(secs) else secs
    if hasattr(v, "read"):
        return v.read().decode("utf-8")
    return v


def tokens(v):
    """Strings that are generated UUID v4 tokens replaced by FIXED_TOKEN."""
    if isinstance(v, dict):
        return {k: tokens(x) for k, x in v.items()}
    if isinstance(v, list):
        return [tokens(x) for x in v]
    if isinstance(v, str) and UUID4.match(v):
        return FIXED_TOKEN
    return v


def serialized(req, op):
    """botocore's request dict in the protocol tests' `serialized` form."""
    query = percent_encode_sequence(tokens(req.get("query_string") or {}))
    uri = req["url_path"]
    if query:
        uri += ("&" if "?" in uri else "?") + query
    headers = tokens(dict(req["headers"]))
    members = op.input_shape.members if op.input_shape else {}
    for name, member in members.items():
        key = member.serialization.get("name", name)
        # botocore writes a boolean header as Python's `str(True)` ("True"); AWS services and the
        # Smithy protocol tests use "true"/"false". botocore is the odd one out here.
        if member.serialization.get("location") == "header" and member.type_name == "boolean":
            if key in headers:
                headers[key] = headers[key].lower()
    body = req["body"]
    if isinstance(body, (bytes, bytearray)):
        body = body.decode("utf-8")
    if body and "json" in req["headers"].get("Content-Type", ""):
        body = json.dumps(tokens(json.loads(body)))
    out = {"method": req["method"], "uri": uri, "headers": headers, "body": body, "onlyHeaders": True}
    payload = op.input_shape.serialization.get("payload") if op.input_shape else None
    if payload and members[payload].type_name in ("blob", "string") and "Content-Type" not in headers:
        # botocore leaves a blob or string payload without Content-Type (its HTTP layer sends
        # none); Smithy's restJson1 (and its protocol tests, which we pass) give it
        # `application/octet-stream` or `text/plain`. A legitimate difference, not compared.
        out["ignoreHeaders"] = ["content-type"]
    return out


def wire_json(shape, v):
    """A value as it appears in a JSON body (members by serialized name, blobs in base64,
    timestamps in epoch seconds unless the member says otherwise)."""
    t = shape.type_name
    if t == "structure":
        return {
            shape.members[k].serialization.get("name", k): wire_json(shape.members[k], x)
            for k, x in v.items()
        }
    if t == "list":
        return [wire_json(shape.member, x) for x in v]
    if t == "map":
        return {k: wire_json(shape.value, x) for k, x in v.items()}
    if t == "blob":
        return base64.b64encode(v).decode()
    if t == "timestamp":
        fmt = shape.serialization.get("timestampFormat", "unixTimestamp")
        return timestamp_text(v, fmt) if fmt != "unixTimestamp" else int(v.timestamp())
    return v


def timestamp_text(v, fmt):
    if fmt == "iso8601":
        return v.strftime("%Y-%m-%dT%H:%M:%SZ")
    if fmt == "rfc822":
        return v.strftime("%a, %d %b %Y %H:%M:%S GMT")
    return str(int(v.timestamp()))


def header_text(shape, v):
    t = shape.type_name
    if t == "list":
        return ",".join(header_text(shape.member, x) for x in v)
    if t == "timestamp":
        return timestamp_text(v, shape.serialization.get("timestampFormat", "rfc822"))
    if t == "boolean":
        return "true" if v else "false"
    if t == "string" and shape.serialization.get("jsonvalue"):
        return base64.b64encode(json.dumps(v).encode()).decode()
    if t == "blob":
        return base64.b64encode(v).decode()
    return str(v)


def response(shape, v, rest, status):
    """The HTTP response carrying value `v` of `shape`: {status_code, headers, body}."""
    headers, body_members, payload = {}, {}, None
    members = shape.members if shape is not None else {}
    for name, x in (v or {}).items():
        member = members[name]
        loc = member.serialization.get("location") if rest else None
        key = member.serialization.get("name", name)
        if loc == "header":
            if member.type_name == "list" and not x:
                continue
            headers[key] = header_text(member, x)
        elif loc == "headers":
            for k, y in x.items():
                headers[key + k] = str(y)
        elif loc == "statusCode":
            status = x
        elif rest and shape.serialization.get("payload") == name:
            payload = (member, x)
        else:
            body_members[name] = x
    if payload is not None:
        member, x = payload
        if member.type_name == "blob":
            body = x
        elif member.type_name == "string":
            body = x.encode()
        else:
            body = json.dumps(wire_json(member, x)).encode()
    elif body_members or not rest:
        body = json.dumps(wire_json(shape, body_members) if shape is not None else {}).encode()
    else:
        body = b""
    return {"status_code": status, "headers": headers, "body": body}


def streaming(shape):
    if shape is None:
        return None
    for name, m in shape.members.items():
        if m.serialization.get("eventstream") or m.metadata.get("eventstream"):
            return f"member {name} is an event stream (event streams are outside issue 10)"
    return None


def status_values(shape):
    return [n for n, m in (shape.members.items() if shape else []) if m.serialization.get("location") == "statusCode"]


def cases_for(model, op, values, count, parser, serializer, rest):
    out = []
    for i in range(count):
        try:
            params = values.value(op.input_shape) if op.input_shape else {}
        except Unsatisfiable as e:
            out.append(("skip", f"input {i}: {e}"))
            continue
        case = {"id": f"{op.name}/input{i}", "given": {"name": op.name}, "params": literal(params)}
        # As botocore's client does before serializing (a `before-parameter-build` handler): unset
        # idempotency tokens get a fresh UUID v4 (compared as "any v4 UUID", see `tokens`).
        generate_idempotent_uuid(params, op)
        req = serializer.serialize_to_request(params, op)
        case["serialized"] = serialized(req, op)
        if req.get("host_prefix"):
            case["host"] = req["host_prefix"] + "example.com"
        out.append(("case", case))
    shape = op.output_shape
    try:
        result = values.value(shape) if shape is not None else {}
        for name in status_values(shape):
            result[name] = values.rnd.choice([200, 201, 202])
        resp = response(shape, result, rest, 200)
        parsed = parser.parse(dict(resp), shape)
        parsed.pop("ResponseMetadata", None)
        case = {"id": f"{op.name}/output", "given": {"name": op.name}, "response": text_response(resp), "result": literal(parsed)}
        out.append(("case", case))
    except Unsatisfiable as e:
        out.append(("skip", f"output: {e}"))
    if op.error_shapes:
        err = values.rnd.choice(op.error_shapes)
        try:
            fields = values.value(err)
        except Unsatisfiable as e:
            out.append(("skip", f"error {err.name}: {e}"))
            return out
        message_key = next((k for k in err.members if k.lower() == "message"), None)
        message = "random message " + str(values.rnd.randint(0, 999))
        if message_key:
            fields[message_key] = message
        status = err.metadata.get("error", {}).get("httpStatusCode", 400)
        resp = response(err, fields, rest, status)
        body = json.loads(resp["body"] or b"{}")
        code = err.metadata.get("error", {}).get("code", err.name) if not rest else err.name
        # The code in each of the forms services send: plain, after a namespace, before a URL, and
        # for restJson1 in the `X-Amzn-Errortype` header or the body's `code`.
        written = values.rnd.choice(
            [code, f"com.amazonaws.{model.endpoint_prefix}#{code}", f"{code}:http://internal.amazon.com/coral/"]
        )
        where = values.rnd.choice(["__type", "header", "code"] if rest else ["__type"])
        if where == "header":
            resp["headers"]["x-amzn-errortype"] = written
        else:
            body[where] = written
        if not message_key:
            body[values.rnd.choice(["message", "Message"])] = message
        resp["body"] = json.dumps(body).encode()
        parsed = parser.parse(dict(resp), shape)
        code = parsed["Error"]["Code"]
        # As botocore's endpoint does (`_add_modeled_error_fields`): the modeled error's members.
        modeled = parser.parse(dict(resp), model.shape_for_error_code(code))
        modeled.pop("ResponseMetadata", None)
        modeled.pop("Error", None)
        case = {
            "id": f"{op.name}/error",
            "given": {"name": op.name},
            "response": text_response(resp),
            "error": literal(modeled),
            "errorCode": code,
            "errorMessage": parsed["Error"].get("Message", ""),
        }
        out.append(("case", case))
    return out


def text_response(resp):
    return {"status_code": resp["status_code"], "headers": resp["headers"], "body": resp["body"].decode("utf-8")}


def run_service(loader, service, seed, count, out_dir):
    raw = loader.load_service_model(service, "service-2")
    model = ServiceModel(raw, service_name=service)
    protocol = PROTOCOLS.get(model.metadata.get("protocol"))
    if protocol is None:
        sys.exit(f"{service}: protocol {model.metadata.get('protocol')!r} is not a JSON protocol")
    parser = create_parser(protocol)
    serializer = create_serializer(protocol, include_validation=False)
    rest = protocol == "rest-json"
    cases, skipped = [], []
    for name in model.operation_names:
        op = model.operation_model(name)
        why = streaming(op.input_shape) or streaming(op.output_shape)
        if why:
            skipped.append([name, why])
            continue
        # One generator per operation, so a case does not depend on the operations before it.
        values = Values(random.Random(f"{seed}/{service}/{name}"))
        for kind, item in cases_for(model, op, values, count, parser, serializer, rest):
            if kind == "case":
                cases.append(item)
            else:
                skipped.append([name, item])
    with open(os.path.join(out_dir, f"{service}.model.json"), "w", encoding="utf-8") as f:
        json.dump(raw, f)
    with open(os.path.join(out_dir, f"{service}.cases.json"), "w", encoding="utf-8") as f:
        json.dump({"operations": len(model.operation_names), "cases": cases, "skipped": skipped}, f)


def main(argv):
    if len(argv) < 5:
        sys.exit(__doc__)
    out_dir, seed, count = argv[1], int(argv[2]), int(argv[3])
    os.makedirs(out_dir, exist_ok=True)
    print(json.dumps({"botocore": botocore.__version__}))
    loader = botocore.session.get_session().get_component("data_loader")
    for service in argv[4:]:
        run_service(loader, service, seed, count, out_dir)


if __name__ == "__main__":
    main(sys.argv)
