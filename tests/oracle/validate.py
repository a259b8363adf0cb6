"""botocore's parameter validator as an oracle for the differential test `tests/tests/rust_oracle.rs`.

Usage:
  validate.py requests <service> <operation> <requests.jsonl>
      One JSON request per input line; prints one JSON line per request: a list of
      [error type, path] pairs from botocore.validate.ParamValidator, in botocore's order.
      Paths use the generated validator's form: `ProductionVariants[0].InstanceType`
      (no leading dot; the root is ""). A missing required member is reported at the path of the
      member itself (`ProductionVariants[0].VariantName`), not at its parent.
  validate.py closure <service> <operation>
      Prints one JSON object describing every shape reachable from the operation's input:
      {shape name: {"type", "members" {name: target}, "required", "min", "max", "union", "enum"}}.
  Both print a first line {"botocore": version, "api_version": ...} so the caller can check them.
"""

import json
import sys

import botocore
import botocore.session
from botocore.validate import ParamValidator


def input_shape(service, operation):
    model = botocore.session.get_session().get_service_model(service)
    return model, model.operation_model(operation).input_shape


def path_of(name, error_type, extra):
    if error_type == "missing required field":
        name = f"{name}.{extra['required_name']}"
    if error_type == "unknown field":
        name = f"{name}.{extra['unknown_param']}"
    return name[1:] if name.startswith(".") else name


def validate_requests(service, operation, path):
    model, shape = input_shape(service, operation)
    header(model)
    validator = ParamValidator()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            params = json.loads(line)
            report = validator.validate(params, shape)
            # `_errors` is the report's list of (type, name, details); botocore keeps it there and
            # only offers a formatted text otherwise.
            errors = [[t, path_of(n, t, extra)] for (t, n, extra) in report._errors]
            print(json.dumps(errors))


def closure(service, operation):
    model, root = input_shape(service, operation)
    header(model)
    shapes = {}

    def walk(shape):
        if shape.name in shapes:
            return
        entry = {"type": shape.type_name}
        shapes[shape.name] = entry
        for key in ("min", "max"):
            if key in shape.metadata:
                entry[key] = shape.metadata[key]
        enum = getattr(shape, "enum", None)
        if enum:
            entry["enum"] = list(enum)
        if shape.type_name == "structure":
            entry["union"] = bool(shape.is_tagged_union)
            entry["required"] = sorted(shape.metadata.get("required", []))
            entry["members"] = {n: t.name for n, t in shape.members.items()}
            for t in shape.members.values():
                walk(t)
        elif shape.type_name == "list":
            entry["member"] = shape.member.name
            walk(shape.member)
        elif shape.type_name == "map":
            entry["key"] = shape.key.name
            entry["value"] = shape.value.name
            walk(shape.key)
            walk(shape.value)

    walk(root)
    print(json.dumps(shapes, sort_keys=True))


def header(model):
    print(json.dumps({"botocore": botocore.__version__, "api_version": model.api_version}))


def main(argv):
    if len(argv) == 5 and argv[1] == "requests":
        validate_requests(argv[2], argv[3], argv[4])
    elif len(argv) == 4 and argv[1] == "closure":
        closure(argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
