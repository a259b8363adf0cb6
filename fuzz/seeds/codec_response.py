#!/usr/bin/env python3
"""Writes the codec_response seeds (tests/fixtures/hostile/corpus/codec_response/) in the layout
that tests/tests/codec_support/mod.rs (decode_response) reads. Run from anywhere."""
import os

OPS = ["create_endpoint_config", "create_model", "delete_endpoint_config", "delete_model",
       "describe_endpoint_config", "describe_model", "list_endpoint_configs", "get_doc",
       "put_choice", "put_item", "put_maybe", "put_struct", "upload"]
STATUSES = [200, 201, 204, 206, 299, 300, 400, 404, 409, 500, 503]
NAMES = ["content-type", "etag", "x-meta-", "x-meta-a", "X-Meta-Color", "x-token",
         "x-amzn-errortype", "x-amzn-query-error", "x-amzn-requestid", "x-amz-request-id"]


def encode(op, status, headers, body):
    out = bytearray([OPS.index(op)])
    if status in STATUSES:
        out += bytes([1, STATUSES.index(status)])
    else:
        v = status - 100
        out += bytes([0, v >> 8, v & 0xFF])
    out.append(len(headers))
    for name, value in headers:
        name, value = name.encode(), value.encode()
        if name.decode() in NAMES:
            out += bytes([1, NAMES.index(name.decode())])
        elif name.startswith(b"x-meta-"):
            suffix = name[len(b"x-meta-"):]
            out += bytes([1, NAMES.index("x-meta-"), len(suffix)]) + suffix
        else:
            out += bytes([0, len(name)]) + name
        out += bytes([len(value)]) + value
    return bytes(out + body.encode())


SEEDS = {
    "describe_endpoint_config_200": ("describe_endpoint_config", 200, [("x-amzn-requestid", "r-1")],
        '{"EndpointConfigName":"cfg","EndpointConfigArn":"arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/cfg",'
        '"ProductionVariants":[{"VariantName":"AllTraffic","ModelName":"m","InitialInstanceCount":1,'
        '"InstanceType":"ml.m5.large","InitialVariantWeight":1.0}],"CreationTime":1700000000.5,'
        '"DataCaptureConfig":{"EnableCapture":true,"InitialSamplingPercentage":10,"DestinationS3Uri":"s3://b/c",'
        '"CaptureOptions":[{"CaptureMode":"Input"}]},"EnableNetworkIsolation":false}'),
    "create_endpoint_config_limit_400": ("create_endpoint_config", 400, [],
        '{"__type":"com.amazonaws.sagemaker#ResourceLimitExceeded","Message":"too many"}'),
    "create_endpoint_config_throttled_503": ("create_endpoint_config", 503,
        [("x-amzn-errortype", "ThrottlingException:http://internal/")], '{"message":"slow down"}'),
    "list_endpoint_configs_200": ("list_endpoint_configs", 200, [],
        '{"EndpointConfigs":[{"EndpointConfigName":"a","EndpointConfigArn":"arn:x","CreationTime":"2024-01-01T00:00:00Z"}],"NextToken":"n"}'),
    "create_model_200": ("create_model", 200, [], '{"ModelArn":"arn:aws:sagemaker:us-east-1:1:model/m"}'),
    "describe_model_garbage_200": ("describe_model", 200, [], '[1,2]'),
    "put_item_200": ("put_item", 200,
        [("etag", '"abc"'), ("x-meta-color", "red"), ("content-type", "application/json")],
        '{"item":{"note":"n","Seen":["2024-01-01T00:00:00Z"]}}'),
    "put_item_no_etag_201": ("put_item", 201, [], '{}'),
    "put_item_not_found_404": ("put_item", 404, [("x-amzn-errortype", "NotFound")], '{"message":"gone"}'),
    "get_doc_200": ("get_doc", 200, [("content-type", "application/json")], '{"doc":[1,"two",{"three":null}]}'),
    "upload_204": ("upload", 204, [], ''),
}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = os.path.join(here, "../../tests/fixtures/hostile/corpus/codec_response")
    os.makedirs(out_dir, exist_ok=True)
    for name, (op, status, headers, body) in SEEDS.items():
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(encode(op, status, headers, body))
