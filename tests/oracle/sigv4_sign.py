"""botocore's SigV4 signer as an oracle for the differential test `tests/tests/sigv4_botocore.rs`.

Usage: sigv4_sign.py < cases.jsonl
  Each input line is one request: {"method", "url", "headers": [[name, value], ...], "body" (text),
  "access_key", "secret_key", "token" (or null), "region", "service", "timestamp" (20150830T123600Z)}.
  Prints a first line {"botocore": version}, then per request one JSON line:
  {"canonical_request", "string_to_sign", "authorization"} as botocore.auth.SigV4Auth computes them
  at that timestamp (the steps of SigV4Auth.add_auth, with the time fixed instead of now).
"""

import json
import sys

import botocore
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def sign(case):
    request = AWSRequest(method=case["method"], url=case["url"], data=case["body"].encode("utf-8"))
    for name, value in case["headers"]:
        # HTTPHeaders appends on assignment, so a repeated name keeps every value, in order.
        request.headers[name] = value
    credentials = Credentials(case["access_key"], case["secret_key"], case["token"])
    auth = SigV4Auth(credentials, case["service"], case["region"])
    request.context["timestamp"] = case["timestamp"]
    auth._modify_request_before_signing(request)
    canonical_request = auth.canonical_request(request)
    string_to_sign = auth.string_to_sign(request, canonical_request)
    signature = auth.signature(string_to_sign, request)
    auth._inject_signature_to_request(request, signature)
    return {
        "canonical_request": canonical_request,
        "string_to_sign": string_to_sign,
        "authorization": request.headers["Authorization"],
    }


def main():
    print(json.dumps({"botocore": botocore.__version__}))
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(sign(json.loads(line))))


if __name__ == "__main__":
    main()
