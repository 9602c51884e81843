#!/usr/bin/env python3
"""Writes the differential corpus (../corpus). Each case is checked by BufDifferentialTest against
buf itself, so a case needs no expected output: buf's answer is the expectation."""
import os, shutil, textwrap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus")
CASES = {}

def d(s):
    return textwrap.dedent(s).lstrip("\n")

def brk(name, before, after, yaml=None, against_yaml=None, use=("FILE",)):
    if yaml is None:
        yaml = "version: v2\nbreaking:\n  use:\n" + "".join(f"    - {u}\n" for u in use)
    files = {}
    for k, v in before.items():
        files["before/" + k] = d(v)
    for k, v in after.items():
        files["after/" + k] = d(v)
    if yaml:
        files.setdefault("after/buf.yaml", yaml)
        files.setdefault("before/buf.yaml", against_yaml if against_yaml is not None else yaml)
    assert name not in CASES, name
    CASES[name] = files

def lint(name, files, yaml="version: v2\n", use=None, extra=""):
    if use is not None:
        yaml = "version: v2\nlint:\n  use:\n" + "".join(f"    - {u}\n" for u in use) + extra
    out = {"input/" + k: d(v) for k, v in files.items()}
    if yaml:
        out.setdefault("input/buf.yaml", yaml)
    assert name not in CASES, name
    CASES[name] = out

P = "acme/foo/v1/"
H = 'syntax = "proto3";\n\npackage acme.foo.v1;\n\n'

def f(body, header=H):
    return header + d(body)

# ---------------------------------------------------------------- breaking: FILE category
base_msg = f("""
message Order {
  string id = 1;
  int64 amount = 2;
  repeated string tags = 3;
  map<string, int32> counts = 4;
  oneof payment {
    string card = 5;
    string iban = 6;
  }
  Status status = 7;
  Detail detail = 8;
  message Detail {
    string note = 1;
  }
}

enum Status {
  STATUS_UNSPECIFIED = 0;
  STATUS_OPEN = 1;
  STATUS_CLOSED = 2;
}

service OrderService {
  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse);
  rpc WatchOrders(GetOrderRequest) returns (stream GetOrderResponse);
}

message GetOrderRequest {
  string id = 1;
}

message GetOrderResponse {
  Order order = 1;
}
""")
A = P + "order.proto"

def mod(text, old, new, count=1):
    assert old in text, old
    return text.replace(old, new, count)

brk("b_identical", {A: base_msg}, {A: base_msg})
brk("b_field_added_is_fine", {A: base_msg}, {A: mod(base_msg, "  Detail detail = 8;\n", "  Detail detail = 8;\n  string extra = 9;\n")})
brk("b_field_no_delete", {A: base_msg}, {A: mod(base_msg, "  int64 amount = 2;\n", "")})
brk("b_field_no_delete_nested", {A: base_msg}, {A: mod(base_msg, "    string note = 1;\n", "")})
brk("b_field_no_delete_reserved_still_flagged", {A: base_msg}, {A: mod(base_msg, "  int64 amount = 2;\n", "  reserved 2;\n  reserved \"amount\";\n")})
brk("b_field_no_delete_unless_number_reserved_bad", {A: base_msg}, {A: mod(base_msg, "  int64 amount = 2;\n", "")}, use=("WIRE",))
brk("b_field_no_delete_unless_number_reserved_ok", {A: base_msg}, {A: mod(base_msg, "  int64 amount = 2;\n", "  reserved 2;\n")}, use=("WIRE",))
brk("b_field_no_delete_unless_name_reserved_bad", {A: base_msg}, {A: mod(base_msg, "  int64 amount = 2;\n", "  reserved 2;\n")}, use=("WIRE_JSON",))
brk("b_field_no_delete_unless_name_reserved_ok", {A: base_msg}, {A: mod(base_msg, "  int64 amount = 2;\n", "  reserved 2;\n  reserved \"amount\";\n")}, use=("WIRE_JSON",))
brk("b_message_no_delete", {A: base_msg}, {A: mod(mod(base_msg, "  Detail detail = 8;\n", ""), "  message Detail {\n    string note = 1;\n  }\n", "")})
brk("b_message_no_delete_top", {A: base_msg + "\nmessage Unused {\n  string a = 1;\n}\n"}, {A: base_msg})
brk("b_enum_no_delete", {A: base_msg + "\nenum Color {\n  COLOR_UNSPECIFIED = 0;\n}\n"}, {A: base_msg})
brk("b_enum_no_delete_nested", {A: mod(base_msg, "  message Detail {", "  enum Kind {\n    KIND_UNSPECIFIED = 0;\n  }\n  message Detail {")}, {A: base_msg})
brk("b_enum_value_no_delete", {A: base_msg}, {A: mod(base_msg, "  STATUS_CLOSED = 2;\n", "")})
brk("b_enum_value_no_delete_unless_number_reserved_ok", {A: base_msg}, {A: mod(base_msg, "  STATUS_CLOSED = 2;\n", "  reserved 2;\n")}, use=("WIRE",))
brk("b_enum_value_no_delete_unless_number_reserved_bad", {A: base_msg}, {A: mod(base_msg, "  STATUS_CLOSED = 2;\n", "")}, use=("WIRE",))
brk("b_enum_value_no_delete_unless_name_reserved_bad", {A: base_msg}, {A: mod(base_msg, "  STATUS_CLOSED = 2;\n", "  reserved 2;\n")}, use=("WIRE_JSON",))
brk("b_enum_value_no_delete_unless_name_reserved_ok", {A: base_msg}, {A: mod(base_msg, "  STATUS_CLOSED = 2;\n", "  reserved 2;\n  reserved \"STATUS_CLOSED\";\n")}, use=("WIRE_JSON",))
brk("b_enum_value_same_name", {A: base_msg}, {A: mod(base_msg, "STATUS_CLOSED = 2", "STATUS_DONE = 2")})
brk("b_enum_value_same_name_wire_ok", {A: base_msg}, {A: mod(base_msg, "STATUS_CLOSED = 2", "STATUS_DONE = 2")}, use=("WIRE",))
alias_before = f("""
enum Level {
  option allow_alias = true;
  LEVEL_UNSPECIFIED = 0;
  LEVEL_HIGH = 1;
  LEVEL_TOP = 1;
}
""")
brk("b_enum_alias_added_ok", {P + "level.proto": alias_before}, {P + "level.proto": mod(alias_before, "  LEVEL_TOP = 1;\n", "  LEVEL_TOP = 1;\n  LEVEL_MAX = 1;\n")})
brk("b_enum_alias_removed", {P + "level.proto": alias_before}, {P + "level.proto": mod(alias_before, "  LEVEL_TOP = 1;\n", "")})
brk("b_enum_alias_renamed", {P + "level.proto": alias_before}, {P + "level.proto": mod(alias_before, "LEVEL_TOP = 1", "LEVEL_PEAK = 1")})
brk("b_file_no_delete", {A: base_msg, P + "extra.proto": f("message Extra {\n  string a = 1;\n}\n")}, {A: base_msg})
brk("b_file_moved_message_still_breaks_file", {A: base_msg + "\nmessage Moved {\n  string a = 1;\n}\n"}, {A: base_msg, P + "moved.proto": f("message Moved {\n  string a = 1;\n}\n")})
brk("b_file_moved_message_ok_package", {A: base_msg + "\nmessage Moved {\n  string a = 1;\n}\n"}, {A: base_msg, P + "moved.proto": f("message Moved {\n  string a = 1;\n}\n")}, use=("PACKAGE",))
brk("b_service_no_delete", {A: base_msg, P + "svc.proto": f("service PingService {\n  rpc Ping(PingRequest) returns (PingResponse);\n}\nmessage PingRequest {}\nmessage PingResponse {}\n")}, {A: base_msg, P + "svc.proto": f("message PingRequest {}\nmessage PingResponse {}\n")})
brk("b_rpc_no_delete", {A: base_msg}, {A: mod(base_msg, "  rpc WatchOrders(GetOrderRequest) returns (stream GetOrderResponse);\n", "")})
brk("b_rpc_added_ok", {A: base_msg}, {A: mod(base_msg, "  rpc WatchOrders", "  rpc ListOrders(GetOrderRequest) returns (GetOrderResponse);\n  rpc WatchOrders")})
brk("b_rpc_same_request_type", {A: base_msg}, {A: mod(base_msg, "rpc GetOrder(GetOrderRequest)", "rpc GetOrder(Order)")})
brk("b_rpc_same_response_type", {A: base_msg}, {A: mod(base_msg, "returns (GetOrderResponse);", "returns (Order);")})
brk("b_rpc_same_client_streaming", {A: base_msg}, {A: mod(base_msg, "rpc GetOrder(GetOrderRequest)", "rpc GetOrder(stream GetOrderRequest)")})
brk("b_rpc_same_server_streaming", {A: base_msg}, {A: mod(base_msg, "returns (stream GetOrderResponse)", "returns (GetOrderResponse)")})
brk("b_rpc_same_idempotency_level", {A: base_msg}, {A: mod(base_msg, "  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse);", "  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse) {\n    option idempotency_level = NO_SIDE_EFFECTS;\n  }")})
brk("b_rpc_same_idempotency_level_same_ok", {A: mod(base_msg, "  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse);", "  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse) {\n    option idempotency_level = IDEMPOTENT;\n  }")}, {A: mod(base_msg, "  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse);", "  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse) {\n    option idempotency_level = IDEMPOTENT;\n  }")})
brk("b_field_same_type_scalar", {A: base_msg}, {A: mod(base_msg, "int64 amount = 2;", "string amount = 2;")})
brk("b_field_same_type_message", {A: base_msg}, {A: mod(base_msg, "  Detail detail = 8;", "  GetOrderRequest detail = 8;")})
brk("b_field_same_type_enum_to_int", {A: base_msg}, {A: mod(base_msg, "  Status status = 7;", "  int32 status = 7;")})
brk("b_field_wire_compatible_int32_int64_ok", {A: f("message M {\n  int32 a = 1;\n}\n")}, {A: f("message M {\n  int64 a = 1;\n}\n")}, use=("WIRE",))
brk("b_field_wire_compatible_int_sint_bad", {A: f("message M {\n  int32 a = 1;\n}\n")}, {A: f("message M {\n  sint32 a = 1;\n}\n")}, use=("WIRE",))
brk("b_field_wire_compatible_string_bytes_ok", {A: f("message M {\n  string a = 1;\n}\n")}, {A: f("message M {\n  bytes a = 1;\n}\n")}, use=("WIRE",))
brk("b_field_wire_compatible_bytes_string_bad", {A: f("message M {\n  bytes a = 1;\n}\n")}, {A: f("message M {\n  string a = 1;\n}\n")}, use=("WIRE",))
brk("b_field_wire_compatible_fixed_bad", {A: f("message M {\n  fixed32 a = 1;\n}\n")}, {A: f("message M {\n  fixed64 a = 1;\n}\n")}, use=("WIRE",))
brk("b_field_wire_compatible_sfixed_ok", {A: f("message M {\n  fixed32 a = 1;\n}\n")}, {A: f("message M {\n  sfixed32 a = 1;\n}\n")}, use=("WIRE",))
brk("b_field_wire_json_compatible_int32_int64_bad", {A: f("message M {\n  int32 a = 1;\n}\n")}, {A: f("message M {\n  int64 a = 1;\n}\n")}, use=("WIRE_JSON",))
brk("b_field_wire_json_compatible_uint32_ok", {A: f("message M {\n  int32 a = 1;\n}\n")}, {A: f("message M {\n  uint32 a = 1;\n}\n")}, use=("WIRE_JSON",))
brk("b_field_wire_message_type_changed", {A: f("message A {}\nmessage B {}\nmessage M {\n  A a = 1;\n}\n")}, {A: f("message A {}\nmessage B {}\nmessage M {\n  B a = 1;\n}\n")}, use=("WIRE",))
enum_pkg = f("""
enum E {
  E_UNSPECIFIED = 0;
  E_ONE = 1;
}
message M {
  E e = 1;
}
""")
brk("b_field_wire_enum_renamed_package_ok", {A: enum_pkg}, {A: mod(mod(enum_pkg, "enum E {", "message Holder {\n  enum E {\n    E_UNSPECIFIED = 0;\n    E_ONE = 1;\n    E_TWO = 2;\n  }\n}\nenum Old {"), "  E e = 1;", "  Holder.E e = 1;").replace("  E_UNSPECIFIED = 0;\n  E_ONE = 1;\n}\nmessage M", "  OLD_UNSPECIFIED = 0;\n}\nmessage M")}, use=("WIRE",))
brk("b_field_same_cardinality_repeated", {A: base_msg}, {A: mod(base_msg, "  string id = 1;", "  repeated string id = 1;")})
brk("b_field_same_cardinality_optional", {A: base_msg}, {A: mod(base_msg, "  string id = 1;", "  optional string id = 1;")})
brk("b_field_wire_cardinality_optional_ok", {A: base_msg}, {A: mod(base_msg, "  string id = 1;", "  optional string id = 1;")}, use=("WIRE",))
brk("b_field_wire_cardinality_repeated_bad", {A: base_msg}, {A: mod(base_msg, "  string id = 1;", "  repeated string id = 1;")}, use=("WIRE",))
brk("b_field_wire_json_cardinality_map_repeated", {A: f("message M {\n  map<string, string> m = 1;\n}\n")}, {A: f("message M {\n  repeated Entry m = 1;\n  message Entry {\n    string key = 1;\n    string value = 2;\n  }\n}\n")}, use=("WIRE_JSON",))
brk("b_field_wire_cardinality_map_repeated_ok", {A: f("message M {\n  map<string, string> m = 1;\n}\n")}, {A: f("message M {\n  repeated Entry m = 1;\n  message Entry {\n    string key = 1;\n    string value = 2;\n  }\n}\n")}, use=("WIRE",))
brk("b_field_same_name", {A: base_msg}, {A: mod(base_msg, "int64 amount = 2;", "int64 total = 2;")})
brk("b_field_same_name_wire_ok", {A: base_msg}, {A: mod(base_msg, "int64 amount = 2;", "int64 total = 2;")}, use=("WIRE",))
brk("b_field_same_json_name", {A: base_msg}, {A: mod(base_msg, "int64 amount = 2;", "int64 amount = 2 [json_name = \"amt\"];")})
brk("b_field_same_json_name_kept_ok", {A: mod(base_msg, "int64 amount = 2;", "int64 amount = 2 [json_name = \"amt\"];")}, {A: mod(base_msg, "int64 amount = 2;", "int64 amount = 2 [json_name = \"amt\"];")})
brk("b_field_same_json_name_removed", {A: mod(base_msg, "int64 amount = 2;", "int64 amount = 2 [json_name = \"amt\"];")}, {A: base_msg})
brk("b_field_same_oneof_moved_in", {A: base_msg}, {A: mod(mod(base_msg, "  string id = 1;\n", ""), "    string iban = 6;\n", "    string iban = 6;\n    string id = 1;\n")})
brk("b_field_same_oneof_moved_out", {A: base_msg}, {A: mod(mod(base_msg, "    string iban = 6;\n", ""), "  string id = 1;\n", "  string id = 1;\n  string iban = 6;\n")})
brk("b_field_same_oneof_renamed_oneof", {A: base_msg}, {A: mod(base_msg, "oneof payment {", "oneof method {")})
brk("b_oneof_no_delete", {A: base_msg}, {A: mod(base_msg, "  oneof payment {\n    string card = 5;\n    string iban = 6;\n  }\n", "  string card = 5;\n  string iban = 6;\n")})
brk("b_oneof_synthetic_optional_ok", {A: f("message M {\n  optional string a = 1;\n}\n")}, {A: f("message M {\n  optional string a = 1;\n  optional string b = 2;\n}\n")})
brk("b_reserved_message_no_delete", {A: f("message M {\n  reserved 2, 5 to 9, 20 to max;\n  reserved \"old\", \"older\";\n}\n")}, {A: f("message M {\n  reserved 2, 5 to 6;\n  reserved \"old\";\n}\n")})
brk("b_reserved_message_merged_ok", {A: f("message M {\n  reserved 2, 3, 4 to 9;\n}\n")}, {A: f("message M {\n  reserved 2 to 9, 10;\n}\n")})
brk("b_reserved_enum_no_delete", {A: f("enum E {\n  E_UNSPECIFIED = 0;\n  reserved 2, 5 to 9, 100 to max;\n  reserved \"E_OLD\";\n}\n")}, {A: f("enum E {\n  E_UNSPECIFIED = 0;\n  reserved 2, 7 to 9;\n}\n")})
brk("b_reserved_enum_kept_ok", {A: f("enum E {\n  E_UNSPECIFIED = 0;\n  reserved 2, 5 to 9;\n}\n")}, {A: f("enum E {\n  E_UNSPECIFIED = 0;\n  reserved 2 to 10;\n}\n")})
brk("b_file_same_package", {A: base_msg}, {A: mod(base_msg, "package acme.foo.v1;", "package acme.foo.v2;")}, use=("WIRE",))
brk("b_file_same_package_file", {A: base_msg}, {A: mod(base_msg, "package acme.foo.v1;", "package acme.foo.v2;")})
brk("b_file_same_syntax", {A: f("message M {\n  optional string a = 1;\n}\n")}, {A: f("message M {\n  optional string a = 1;\n}\n", header='syntax = "proto2";\n\npackage acme.foo.v1;\n\n')})
for opt, val, val2 in [("go_package", '"example.com/foo/v1;foov1"', '"example.com/foo/v2;foov1"'),
                       ("java_package", '"com.acme.foo.v1"', '"com.acme.foo"'),
                       ("java_outer_classname", '"OrderProto"', '"Orders"'),
                       ("java_multiple_files", "true", "false"),
                       ("csharp_namespace", '"Acme.Foo.V1"', '"Acme.Foo"'),
                       ("objc_class_prefix", '"AFX"', '"AFY"'),
                       ("php_namespace", '"Acme\\\\Foo"', '"Acme\\\\Bar"'),
                       ("php_class_prefix", '"AF"', '"AG"'),
                       ("php_metadata_namespace", '"Acme\\\\Meta"', '"Acme\\\\Meta2"'),
                       ("ruby_package", '"Acme::Foo"', '"Acme::Bar"'),
                       ("swift_prefix", '"AF"', '"AG"'),
                       ("optimize_for", "SPEED", "LITE_RUNTIME"),
                       ("cc_enable_arenas", "true", "false"),
                       ("java_generic_services", "false", "true"),
                       ("py_generic_services", "false", "true"),
                       ("cc_generic_services", "false", "true")]:
    hdr = f'syntax = "proto3";\n\npackage acme.foo.v1;\n\noption {opt} = {val};\n\n'
    hdr2 = f'syntax = "proto3";\n\npackage acme.foo.v1;\n\noption {opt} = {val2};\n\n'
    hdr0 = 'syntax = "proto3";\n\npackage acme.foo.v1;\n\n'
    body = "message M {\n  string a = 1;\n}\n"
    brk(f"b_file_same_{opt}_changed", {A: hdr + body}, {A: hdr2 + body})
    brk(f"b_file_same_{opt}_removed", {A: hdr + body}, {A: hdr0 + body})
    brk(f"b_file_same_{opt}_kept_ok", {A: hdr + body}, {A: hdr + body})
brk("b_field_same_jstype", {A: f("message M {\n  int64 a = 1;\n}\n")}, {A: f("message M {\n  int64 a = 1 [jstype = JS_STRING];\n}\n")})
brk("b_field_same_jstype_string_field_ok", {A: f("message M {\n  int64 a = 1 [jstype = JS_STRING];\n}\n")}, {A: f("message M {\n  int64 a = 1 [jstype = JS_STRING];\n  string b = 2;\n}\n")})
P2 = 'syntax = "proto2";\n\npackage acme.foo.v1;\n\n'
brk("b_field_same_ctype", {A: f("message M {\n  optional string a = 1;\n}\n", P2)}, {A: f("message M {\n  optional string a = 1 [ctype = CORD];\n}\n", P2)})
brk("b_field_same_ctype_piece_to_string_ok", {A: f("message M {\n  optional string a = 1 [ctype = STRING_PIECE];\n}\n", P2)}, {A: f("message M {\n  optional string a = 1;\n}\n", P2)})
brk("b_field_same_java_utf8", {A: f("message M {\n  optional string a = 1;\n}\n", P2)}, {A: f("message M {\n  optional string a = 1;\n}\n", P2.replace("\n\n", "\n\noption java_string_check_utf8 = true;\n\n", 1))})
brk("b_field_same_default", {A: f("message M {\n  optional int32 a = 1 [default = 5];\n  optional string s = 2 [default = \"x\"];\n}\n", P2)}, {A: f("message M {\n  optional int32 a = 1 [default = 6];\n  optional string s = 2;\n}\n", P2)})
brk("b_field_same_default_equal_ok", {A: f("message M {\n  optional int32 a = 1 [default = 0];\n  optional double d = 2 [default = 1.0];\n}\n", P2)}, {A: f("message M {\n  optional int32 a = 1;\n  optional double d = 2 [default = 1];\n}\n", P2)})
brk("b_field_required_proto2_cardinality", {A: f("message M {\n  optional int32 a = 1;\n}\n", P2)}, {A: f("message M {\n  required int32 a = 1;\n}\n", P2)})
brk("b_message_same_required_fields_added", {A: f("message M {\n  optional int32 a = 1;\n}\n", P2)}, {A: f("message M {\n  optional int32 a = 1;\n  required int32 b = 2;\n}\n", P2)}, use=("WIRE",))
brk("b_message_same_required_fields_deleted", {A: f("message M {\n  optional int32 a = 1;\n  required int32 b = 2;\n}\n", P2)}, {A: f("message M {\n  optional int32 a = 1;\n  reserved 2;\n}\n", P2)}, use=("WIRE",))
brk("b_extension_message_no_delete", {A: f("message M {\n  extensions 100 to 199, 500 to max;\n}\n", P2)}, {A: f("message M {\n  extensions 100 to 149;\n}\n", P2)})
brk("b_extension_message_widened_ok", {A: f("message M {\n  extensions 100 to 199;\n}\n", P2)}, {A: f("message M {\n  extensions 100 to 299;\n}\n", P2)})
ext_file = f("""
message M {
  extensions 100 to 199;
}
extend M {
  optional string tag = 100;
}
message Scope {
  extend M {
    optional int32 level = 101;
  }
}
""", P2)
brk("b_extension_no_delete", {A: ext_file}, {A: mod(ext_file, "extend M {\n  optional string tag = 100;\n}\n", "")})
brk("b_extension_no_delete_nested", {A: ext_file}, {A: mod(ext_file, "  extend M {\n    optional int32 level = 101;\n  }\n", "")})
brk("b_extension_same_type", {A: ext_file}, {A: mod(ext_file, "optional string tag = 100;", "optional bytes tag = 100;")})
brk("b_extension_same_name", {A: ext_file}, {A: mod(ext_file, "optional string tag = 100;", "optional string label = 100;")})
brk("b_message_no_standard_descriptor_accessor", {A: f("message M {\n  string a = 1;\n}\n")}, {A: f("message M {\n  option no_standard_descriptor_accessor = true;\n  string a = 1;\n}\n")})
brk("b_message_same_json_format", {A: f("message M {\n  optional string a = 1;\n}\n")}, {A: f("message M {\n  optional string a = 1;\n}\n", P2)}, use=("WIRE_JSON",))
brk("b_enum_same_json_format", {A: f("enum E {\n  E_UNSPECIFIED = 0;\n}\n")}, {A: f("enum E {\n  E_UNSPECIFIED = 0;\n}\n", P2)}, use=("WIRE_JSON",))
brk("b_enum_same_type_open_closed", {A: f("enum E {\n  E_UNSPECIFIED = 0;\n}\n")}, {A: f("enum E {\n  E_UNSPECIFIED = 0;\n}\n", P2)})
brk("b_field_same_utf8_validation", {A: f("message M {\n  optional string a = 1;\n}\n")}, {A: f("message M {\n  optional string a = 1;\n}\n", P2)})
ED = 'edition = "2023";\n\npackage acme.foo.v1;\n\n'
brk("b_editions_field_presence_implicit", {A: f("message M {\n  string a = 1;\n}\n", ED)}, {A: f("message M {\n  string a = 1 [features.field_presence = IMPLICIT];\n}\n", ED)})
brk("b_editions_same_as_proto3_ok", {A: f("message M {\n  string a = 1;\n  int32 b = 2;\n}\n", ED)}, {A: f("message M {\n  string a = 1;\n  int32 b = 2;\n  bool c = 3;\n}\n", ED)})
brk("b_editions_delimited_encoding", {A: f("message M {\n  N n = 1;\n}\nmessage N {\n  string a = 1;\n}\n", ED)}, {A: f("message M {\n  N n = 1 [features.message_encoding = DELIMITED];\n}\nmessage N {\n  string a = 1;\n}\n", ED)})
brk("b_editions_utf8_validation", {A: f("message M {\n  string a = 1;\n}\n", ED)}, {A: f("message M {\n  string a = 1 [features.utf8_validation = NONE];\n}\n", ED)})
brk("b_editions_enum_closed", {A: f("enum E {\n  E_UNSPECIFIED = 0;\n}\n", ED)}, {A: f("enum E {\n  option features.enum_type = CLOSED;\n  E_UNSPECIFIED = 0;\n}\n", ED)})
brk("b_editions_json_format", {A: f("message M {\n  string a = 1;\n}\n", ED)}, {A: f("message M {\n  option features.json_format = LEGACY_BEST_EFFORT;\n  string a = 1;\n}\n", ED)}, use=("WIRE_JSON",))
brk("b_proto3_to_editions_ok", {A: f("message M {\n  string a = 1;\n  optional int32 b = 2;\n}\n")}, {A: f("message M {\n  string a = 1 [features.field_presence = IMPLICIT];\n  int32 b = 2;\n}\n", ED)}, use=("WIRE",))
brk("b_packed_change_ok", {A: f("message M {\n  repeated int32 a = 1;\n}\n")}, {A: f("message M {\n  repeated int32 a = 1 [packed = false];\n}\n")})
brk("b_proto2_packed_change_ok", {A: f("message M {\n  repeated int32 a = 1;\n}\n", P2)}, {A: f("message M {\n  repeated int32 a = 1 [packed = true];\n}\n", P2)})
# package category
PKG = ("PACKAGE",)
brk("b_package_no_delete", {A: base_msg, "acme/bar/v1/bar.proto": 'syntax = "proto3";\n\npackage acme.bar.v1;\n\nmessage Bar {\n  string a = 1;\n}\n'}, {A: base_msg}, use=PKG)
brk("b_package_message_no_delete", {A: base_msg + "\nmessage Gone {\n  string a = 1;\n}\n"}, {A: base_msg}, use=PKG)
brk("b_package_message_no_delete_nested", {A: base_msg}, {A: mod(mod(base_msg, "  Detail detail = 8;\n", ""), "  message Detail {\n    string note = 1;\n  }\n", "")}, use=PKG)
brk("b_package_message_no_delete_file_gone", {A: base_msg, P + "gone.proto": f("message Gone {\n  string a = 1;\n}\n")}, {A: base_msg}, use=PKG)
brk("b_package_enum_no_delete", {A: base_msg + "\nenum Color {\n  COLOR_UNSPECIFIED = 0;\n}\n"}, {A: base_msg}, use=PKG)
brk("b_package_service_no_delete", {A: base_msg}, {A: mod(base_msg, "service OrderService {\n  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse);\n  rpc WatchOrders(GetOrderRequest) returns (stream GetOrderResponse);\n}\n", "")}, use=PKG)
brk("b_package_extension_no_delete", {A: ext_file}, {A: mod(ext_file, "extend M {\n  optional string tag = 100;\n}\n", "")}, use=PKG)
brk("b_package_file_split_ok", {A: base_msg + "\nmessage Moved {\n  string a = 1;\n}\n"}, {A: base_msg, P + "moved.proto": f("message Moved {\n  string a = 1;\n}\n")}, use=PKG)
brk("b_package_file_renamed_ok", {A: base_msg}, {P + "orders.proto": base_msg}, use=PKG)
# config forms
brk("b_config_except", {A: base_msg}, {A: mod(base_msg, "  int64 amount = 2;\n", "")}, yaml="version: v2\nbreaking:\n  use:\n    - FILE\n  except:\n    - FIELD_NO_DELETE\n")
brk("b_config_ignore", {A: base_msg, "acme/bar/v1/bar.proto": 'syntax = "proto3";\n\npackage acme.bar.v1;\n\nmessage Bar {\n  string a = 1;\n  string b = 2;\n}\n'},
    {A: mod(base_msg, "  int64 amount = 2;\n", ""), "acme/bar/v1/bar.proto": 'syntax = "proto3";\n\npackage acme.bar.v1;\n\nmessage Bar {\n  string a = 1;\n}\n'},
    yaml="version: v2\nbreaking:\n  use:\n    - FILE\n  ignore:\n    - acme/bar\n")
brk("b_config_ignore_only", {A: base_msg}, {A: mod(mod(base_msg, "  int64 amount = 2;\n", ""), "string id = 1;", "bytes id = 1;")},
    yaml="version: v2\nbreaking:\n  use:\n    - FILE\n  ignore_only:\n    FIELD_NO_DELETE:\n      - acme/foo/v1/order.proto\n")
UNST = 'syntax = "proto3";\n\npackage acme.foo.v1beta1;\n\nmessage M {\n  string a = 1;\n  string b = 2;\n}\n'
brk("b_config_ignore_unstable_packages", {"acme/foo/v1beta1/m.proto": UNST}, {"acme/foo/v1beta1/m.proto": UNST.replace("  string b = 2;\n", "")},
    yaml="version: v2\nbreaking:\n  use:\n    - FILE\n  ignore_unstable_packages: true\n")
brk("b_config_unstable_not_ignored_by_default", {"acme/foo/v1beta1/m.proto": UNST}, {"acme/foo/v1beta1/m.proto": UNST.replace("  string b = 2;\n", "")})
brk("b_config_v1", {A: base_msg}, {A: mod(base_msg, "  int64 amount = 2;\n", "")}, yaml="version: v1\nbreaking:\n  use:\n    - FILE\n")
brk("b_config_v1_wire_json", {A: base_msg}, {A: mod(base_msg, "int64 amount = 2;", "int64 total = 2;")}, yaml="version: v1\nbreaking:\n  use:\n    - WIRE_JSON\n")
brk("b_config_v1_defaults", {A: base_msg}, {A: mod(base_msg, "int64 amount = 2;", "int64 total = 2;")}, yaml="version: v1\n")
brk("b_config_no_yaml", {A: base_msg}, {A: mod(base_msg, "  int64 amount = 2;\n", "")}, yaml="")
brk("b_config_single_rule", {A: base_msg}, {A: mod(mod(base_msg, "  int64 amount = 2;\n", ""), "string id = 1;", "bytes id = 1;")}, yaml="version: v2\nbreaking:\n  use:\n    - FIELD_SAME_TYPE\n")
brk("b_config_v1_deprecated_field_same_label", {A: base_msg}, {A: mod(base_msg, "  string id = 1;", "  repeated string id = 1;")}, yaml="version: v1\nbreaking:\n  use:\n    - FIELD_SAME_LABEL\n    - FILE_SAME_PHP_GENERIC_SERVICES\n")
brk("b_config_except_category", {A: base_msg}, {A: mod(mod(base_msg, "  int64 amount = 2;\n", ""), "string id = 1;", "bytes id = 1;")}, yaml="version: v2\nbreaking:\n  use:\n    - FILE\n  except:\n    - WIRE\n")
brk("b_config_ignore_only_category", {A: base_msg}, {A: mod(mod(base_msg, "  int64 amount = 2;\n", ""), "string id = 1;", "bytes id = 1;")}, yaml="version: v2\nbreaking:\n  use:\n    - FILE\n  ignore_only:\n    WIRE_JSON:\n      - acme/foo/v1\n")
# workspaces
W2 = "version: v2\nmodules:\n  - path: api\n  - path: common\nbreaking:\n  use:\n    - FILE\n"
common = 'syntax = "proto3";\n\npackage common.v1;\n\nmessage Money {\n  string currency = 1;\n  int64 units = 2;\n}\n'
api = 'syntax = "proto3";\n\npackage api.v1;\n\nimport "common/v1/money.proto";\n\nmessage Price {\n  common.v1.Money money = 1;\n  string label = 2;\n}\n'
brk("b_workspace_v2_two_modules", {"api/api/v1/price.proto": api, "common/common/v1/money.proto": common},
    {"api/api/v1/price.proto": api.replace("  string label = 2;\n", ""), "common/common/v1/money.proto": common.replace("int64 units = 2;", "string units = 2;")}, yaml=W2)
brk("b_workspace_v2_clean", {"api/api/v1/price.proto": api, "common/common/v1/money.proto": common},
    {"api/api/v1/price.proto": api, "common/common/v1/money.proto": common}, yaml=W2)
W2b = "version: v2\nmodules:\n  - path: api\n    breaking:\n      use:\n        - WIRE\n  - path: common\nbreaking:\n  use:\n    - FILE\n"
brk("b_workspace_v2_module_config", {"api/api/v1/price.proto": api, "common/common/v1/money.proto": common},
    {"api/api/v1/price.proto": api.replace("string label = 2;", "string title = 2;"), "common/common/v1/money.proto": common.replace("int64 units = 2;", "int64 amount = 2;")}, yaml=W2b)
def work_v1(name, before_api, after_api, before_common, after_common):
    files = {"before/buf.work.yaml": "version: v1\ndirectories:\n  - api\n  - common\n", "after/buf.work.yaml": "version: v1\ndirectories:\n  - api\n  - common\n",
             "before/api/buf.yaml": "version: v1\nbreaking:\n  use:\n    - FILE\n", "after/api/buf.yaml": "version: v1\nbreaking:\n  use:\n    - FILE\n",
             "before/common/buf.yaml": "version: v1\nbreaking:\n  use:\n    - PACKAGE\n", "after/common/buf.yaml": "version: v1\nbreaking:\n  use:\n    - PACKAGE\n",
             "before/api/api/v1/price.proto": before_api, "after/api/api/v1/price.proto": after_api,
             "before/common/common/v1/money.proto": before_common, "after/common/common/v1/money.proto": after_common}
    CASES[name] = files
work_v1("b_workspace_v1_buf_work", api, api.replace("  string label = 2;\n", ""), common, common.replace("string currency = 1;", "bytes currency = 1;"))
work_v1("b_workspace_v1_clean", api, api, common, common)
# public imports
pub_a = 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nimport public "acme/foo/v1/shared.proto";\n\nmessage UsesShared {\n  Shared s = 1;\n}\n'
shared = 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nmessage Shared {\n  string a = 1;\n}\n'
brk("b_public_import_type_moved", {P + "a.proto": pub_a, P + "shared.proto": shared},
    {P + "a.proto": pub_a, P + "shared.proto": shared.replace("string a = 1;", "int32 a = 1;")})
# nested and moves
brk("b_nested_message_moved_out", {A: f("message Outer {\n  message Inner {\n    string a = 1;\n  }\n  Inner inner = 1;\n}\n")}, {A: f("message Outer {\n  Inner inner = 1;\n}\nmessage Inner {\n  string a = 1;\n}\n")})
brk("b_deeply_nested_delete", {A: f("message A {\n  message B {\n    message C {\n      string x = 1;\n    }\n  }\n}\n")}, {A: f("message A {\n  message B {\n  }\n}\n")})
brk("b_deeply_nested_delete_all", {A: f("message A {\n  message B {\n    message C {\n      string x = 1;\n    }\n  }\n}\n")}, {A: f("message A {\n}\n")})
brk("b_map_value_type_changed", {A: f("message M {\n  map<string, int32> m = 1;\n}\n")}, {A: f("message M {\n  map<string, int64> m = 1;\n}\n")})
brk("b_map_key_type_changed", {A: f("message M {\n  map<string, int32> m = 1;\n}\n")}, {A: f("message M {\n  map<int32, int32> m = 1;\n}\n")})
brk("b_group_proto2", {A: f("message M {\n  optional group G = 1 {\n    optional string a = 2;\n  }\n}\n", P2)}, {A: f("message M {\n  optional group G = 1 {\n    optional int32 a = 2;\n  }\n}\n", P2)})

# ---------------------------------------------------------------- lint
clean = f("""
// Order is an order.
message Order {
  // id identifies the order.
  string id = 1;
}
""")
lint("l_clean_standard", {P + "order.proto": clean})
lint("l_package_defined", {"order.proto": 'syntax = "proto3";\n\nmessage Order {\n  string id = 1;\n}\n'})
lint("l_package_directory_match", {"acme/order.proto": clean})
lint("l_package_lower_snake_case", {"Acme/Foo/v1/order.proto": 'syntax = "proto3";\n\npackage Acme.Foo.v1;\n\nmessage Order {\n  string id = 1;\n}\n'})
lint("l_package_version_suffix", {"acme/foo/order.proto": 'syntax = "proto3";\n\npackage acme.foo;\n\nmessage Order {\n  string id = 1;\n}\n'})
lint("l_package_version_suffix_beta_ok", {"acme/foo/v1beta1/order.proto": 'syntax = "proto3";\n\npackage acme.foo.v1beta1;\n\nmessage Order {\n  string id = 1;\n}\n'})
lint("l_package_version_suffix_bad_forms", {"acme/foo/v0/a.proto": 'syntax = "proto3";\n\npackage acme.foo.v0;\n\nmessage A {\n  string id = 1;\n}\n', "acme/foo/v1alphabeta/b.proto": 'syntax = "proto3";\n\npackage acme.foo.v1alphabeta;\n\nmessage B {\n  string id = 1;\n}\n', "acme/foo/v2test/c.proto": 'syntax = "proto3";\n\npackage acme.foo.v2test;\n\nmessage C {\n  string id = 1;\n}\n', "acme/foo/v1p1alpha1/d.proto": 'syntax = "proto3";\n\npackage acme.foo.v1p1alpha1;\n\nmessage D {\n  string id = 1;\n}\n'})
lint("l_syntax_specified", {P + "order.proto": 'package acme.foo.v1;\n\nmessage Order {\n  optional string id = 1;\n}\n'})
lint("l_syntax_specified_proto2_ok", {P + "order.proto": 'syntax = "proto2";\n\npackage acme.foo.v1;\n\nmessage Order {\n  optional string id = 1;\n}\n'})
lint("l_file_lower_snake_case", {P + "OrderService.proto": clean})
lint("l_file_lower_snake_case_digits_ok", {P + "order_v2.proto": clean})
lint("l_directory_same_package", {P + "a.proto": clean, P + "b.proto": 'syntax = "proto3";\n\npackage acme.foo.v2;\n\nmessage B {\n  string id = 1;\n}\n'})
lint("l_directory_same_package_no_package", {P + "a.proto": clean, P + "b.proto": 'syntax = "proto3";\n\nmessage B {\n  string id = 1;\n}\n'})
lint("l_package_same_directory", {P + "a.proto": clean, "acme/foo/v1/sub/b.proto": 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nmessage B {\n  string id = 1;\n}\n'})
for opt, v1, v2 in [("go_package", '"x/foo;foov1"', '"y/foo;foov1"'), ("java_package", '"com.a"', '"com.b"'),
                    ("java_multiple_files", "true", "false"), ("csharp_namespace", '"A"', '"B"'),
                    ("php_namespace", '"A"', '"B"'), ("ruby_package", '"A"', '"B"'), ("swift_prefix", '"A"', '"B"')]:
    fa = f'syntax = "proto3";\n\npackage acme.foo.v1;\n\noption {opt} = {v1};\n\nmessage A {{\n  string id = 1;\n}}\n'
    fb = f'syntax = "proto3";\n\npackage acme.foo.v1;\n\noption {opt} = {v2};\n\nmessage B {{\n  string id = 1;\n}}\n'
    fc = f'syntax = "proto3";\n\npackage acme.foo.v1;\n\nmessage C {{\n  string id = 1;\n}}\n'
    lint(f"l_package_same_{opt}_different", {P + "a.proto": fa, P + "b.proto": fb}, use=("BASIC",))
    lint(f"l_package_same_{opt}_missing", {P + "a.proto": fa, P + "c.proto": fc}, use=("BASIC",))
    lint(f"l_package_same_{opt}_equal_ok", {P + "a.proto": fa, P + "b.proto": fa.replace("message A", "message B")}, use=("BASIC",))
lint("l_message_pascal_case", {P + "a.proto": f("message order_item {\n  string id = 1;\n}\nmessage HTTPThing {\n  string id = 1;\n}\n")})
lint("l_field_lower_snake_case", {P + "a.proto": f("message Order {\n  string orderId = 1;\n  string HTTPCode = 2;\n  string line_2 = 3;\n  string x2y = 4;\n  map<string, string> SomeMap = 5;\n}\n")})
lint("l_oneof_lower_snake_case", {P + "a.proto": f("message Order {\n  oneof PaymentKind {\n    string card = 1;\n  }\n  optional string Maybe = 2;\n}\n")})
lint("l_enum_pascal_case", {P + "a.proto": f("enum order_state {\n  ORDER_STATE_UNSPECIFIED = 0;\n}\n")})
lint("l_enum_value_upper_snake_case", {P + "a.proto": f("enum State {\n  STATE_UNSPECIFIED = 0;\n  State_Open = 1;\n  STATE_closed = 2;\n}\n")})
lint("l_enum_value_prefix", {P + "a.proto": f("enum OrderState {\n  ORDER_STATE_UNSPECIFIED = 0;\n  OPEN = 1;\n  STATE_CLOSED = 2;\n}\n")})
lint("l_enum_zero_value_suffix", {P + "a.proto": f("enum OrderState {\n  ORDER_STATE_NONE = 0;\n  ORDER_STATE_OPEN = 1;\n}\n")})
lint("l_enum_zero_value_suffix_option", {P + "a.proto": f("enum OrderState {\n  ORDER_STATE_NONE = 0;\n  ORDER_STATE_OPEN = 1;\n}\n")}, yaml="version: v2\nlint:\n  use:\n    - STANDARD\n  enum_zero_value_suffix: _NONE\n")
lint("l_enum_first_value_zero", {P + "a.proto": f("enum OrderState {\n  ORDER_STATE_UNSPECIFIED = 1;\n  ORDER_STATE_ZERO = 0;\n}\n", P2)})
lint("l_enum_no_allow_alias", {P + "a.proto": f("enum OrderState {\n  option allow_alias = true;\n  ORDER_STATE_UNSPECIFIED = 0;\n  ORDER_STATE_OPEN = 1;\n  ORDER_STATE_STARTED = 1;\n}\n")})
lint("l_enum_allow_alias_false_ok", {P + "a.proto": f("enum OrderState {\n  option allow_alias = false;\n  ORDER_STATE_UNSPECIFIED = 0;\n}\n")})
svc = f("""
service Orders {
  rpc get_order(GetOrderRequest) returns (GetOrderResponse);
  rpc ListOrders(ListRequest) returns (ListOrdersResponse);
  rpc Same(SameRequest) returns (SameRequest);
  rpc Upload(stream UploadRequest) returns (UploadResponse);
  rpc Watch(WatchRequest) returns (stream WatchResponse);
}
message GetOrderRequest {}
message GetOrderResponse {}
message ListRequest {}
message ListOrdersResponse {}
message SameRequest {}
message UploadRequest {}
message UploadResponse {}
message WatchRequest {}
message WatchResponse {}
""")
lint("l_service_rules", {P + "svc.proto": svc})
lint("l_service_pascal_case", {P + "svc.proto": f("service order_service {\n  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse);\n}\nservice HTTPService {\n  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse);\n}\nmessage GetOrderRequest {}\nmessage GetOrderResponse {}\n")})
lint("l_unary_rpc", {P + "svc.proto": svc}, use=("UNARY_RPC",))
lint("l_rpc_request_response_unique_shared", {P + "svc.proto": f("""
service OrderService {
  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse);
  rpc FetchOrder(GetOrderRequest) returns (GetOrderResponse);
}
message GetOrderRequest {}
message GetOrderResponse {}
""")})
empty_svc = 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nimport "google/protobuf/empty.proto";\n\nservice OrderService {\n  rpc Ping(google.protobuf.Empty) returns (google.protobuf.Empty);\n  rpc Pong(google.protobuf.Empty) returns (PongResponse);\n}\nmessage PongResponse {}\n'
lint("l_rpc_empty_default", {P + "svc.proto": empty_svc})
lint("l_rpc_empty_allowed_both", {P + "svc.proto": empty_svc}, yaml="version: v2\nlint:\n  use:\n    - STANDARD\n  rpc_allow_google_protobuf_empty_requests: true\n  rpc_allow_google_protobuf_empty_responses: true\n")
lint("l_rpc_empty_allowed_requests", {P + "svc.proto": empty_svc}, yaml="version: v2\nlint:\n  use:\n    - STANDARD\n  rpc_allow_google_protobuf_empty_requests: true\n")
lint("l_rpc_same_request_response_allowed", {P + "svc.proto": f("service OrderService {\n  rpc Same(SameRequest) returns (SameRequest);\n}\nmessage SameRequest {}\n")}, yaml="version: v2\nlint:\n  use:\n    - STANDARD\n  rpc_allow_same_request_response: true\n")
lint("l_service_suffix_option", {P + "svc.proto": f("service OrderAPI {\n  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse);\n}\nmessage GetOrderRequest {}\nmessage GetOrderResponse {}\n")}, yaml="version: v2\nlint:\n  use:\n    - STANDARD\n  service_suffix: API\n")
lint("l_rpc_standard_name_service_prefixed_ok", {P + "svc.proto": f("service OrderService {\n  rpc Get(OrderServiceGetRequest) returns (OrderServiceGetResponse);\n}\nmessage OrderServiceGetRequest {}\nmessage OrderServiceGetResponse {}\n")})
lint("l_field_not_required", {P + "a.proto": f("message Order {\n  required string id = 1;\n  optional string note = 2;\n}\n", P2)})
lint("l_field_not_required_editions", {P + "a.proto": f("message Order {\n  string id = 1 [features.field_presence = LEGACY_REQUIRED];\n}\n", ED)})
lint("l_import_no_public", {P + "a.proto": 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nimport public "acme/foo/v1/b.proto";\n\nmessage A {\n  B b = 1;\n}\n', P + "b.proto": 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nmessage B {\n  string id = 1;\n}\n'})
lint("l_import_used", {P + "a.proto": 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nimport "acme/foo/v1/b.proto";\nimport "google/protobuf/timestamp.proto";\n\nmessage A {\n  string id = 1;\n}\n', P + "b.proto": 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nmessage B {\n  string id = 1;\n}\n'})
lint("l_import_used_via_option_ok", {P + "a.proto": 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nimport "acme/foo/v1/opts.proto";\n\nmessage A {\n  string id = 1 [(acme.foo.v1.sensitive) = true];\n}\n', P + "opts.proto": 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nimport "google/protobuf/descriptor.proto";\n\nextend google.protobuf.FieldOptions {\n  bool sensitive = 50001;\n}\n'})
lint("l_import_used_via_map_ok", {P + "a.proto": 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nimport "google/protobuf/timestamp.proto";\n\nmessage A {\n  map<string, google.protobuf.Timestamp> times = 1;\n}\n'})
lint("l_import_used_via_public_reexport_ok", {P + "a.proto": 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nimport "acme/foo/v1/reexport.proto";\n\nmessage A {\n  B b = 1;\n}\n', P + "reexport.proto": 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nimport public "acme/foo/v1/b.proto";\n', P + "b.proto": 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nmessage B {\n  string id = 1;\n}\n'})
lint("l_package_no_import_cycle", {"acme/a/v1/a.proto": 'syntax = "proto3";\n\npackage acme.a.v1;\n\nimport "acme/b/v1/b.proto";\n\nmessage A {\n  acme.b.v1.B b = 1;\n}\nmessage X {\n  string id = 1;\n}\n',
    "acme/b/v1/b.proto": 'syntax = "proto3";\n\npackage acme.b.v1;\n\nmessage B {\n  string id = 1;\n}\n', "acme/b/v1/c.proto": 'syntax = "proto3";\n\npackage acme.b.v1;\n\nimport "acme/a/v1/a.proto";\n\nmessage C {\n  acme.a.v1.X x = 1;\n}\n'})
lint("l_stable_package_no_import_unstable", {"acme/a/v1/a.proto": 'syntax = "proto3";\n\npackage acme.a.v1;\n\nimport "acme/b/v1beta1/b.proto";\n\nmessage A {\n  acme.b.v1beta1.B b = 1;\n}\n',
    "acme/b/v1beta1/b.proto": 'syntax = "proto3";\n\npackage acme.b.v1beta1;\n\nmessage B {\n  string id = 1;\n}\n'}, use=("STANDARD", "STABLE_PACKAGE_NO_IMPORT_UNSTABLE"))
commented = f("""
// Order documents itself.
message Order {
  // id is documented.
  string id = 1;
  string note = 2;
  // buf:lint:ignore COMMENT_FIELD
  string other = 3;
  oneof kind {
    string a = 4;
  }
  // The choice.
  oneof choice {
    // b.
    string b = 5;
  }
  map<string, string> labels = 6;
  optional string maybe = 7;
}

message Undocumented {
  //
  string x = 1;
}

enum State {
  // unspecified
  STATE_UNSPECIFIED = 0;
  STATE_OPEN = 1;
}

service OrderService {
  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse);
}

// Documented service.
service OtherService {
  // Documented rpc.
  rpc GetOther(GetOtherRequest) returns (GetOtherResponse);
}

message GetOrderRequest {}
message GetOrderResponse {}
message GetOtherRequest {}
message GetOtherResponse {}
""")
lint("l_comments", {P + "a.proto": commented}, use=("COMMENTS",))
lint("l_comments_trailing_not_enough", {P + "a.proto": f("message Order { // trailing\n  string id = 1; // trailing\n}\n")}, use=("COMMENTS",))
ign = f("""
// buf:lint:ignore MESSAGE_PASCAL_CASE
message bad_name {
  // buf:lint:ignore FIELD_LOWER_SNAKE_CASE
  string BadField = 1;
  string AlsoBad = 2;
}
""")
lint("l_comment_ignores_v2_default", {P + "a.proto": ign})
lint("l_comment_ignores_v2_disallowed", {P + "a.proto": ign}, yaml="version: v2\nlint:\n  disallow_comment_ignores: true\n")
lint("l_comment_ignores_v1_not_allowed", {P + "a.proto": ign}, yaml="version: v1\n")
lint("l_comment_ignores_v1_allowed", {P + "a.proto": ign}, yaml="version: v1\nlint:\n  allow_comment_ignores: true\n")
lint("l_comment_ignore_wrong_rule", {P + "a.proto": f("// buf:lint:ignore FIELD_LOWER_SNAKE_CASE\nmessage bad_name {\n  string ok = 1;\n}\n")})
lint("l_config_except", {P + "a.proto": f("message bad_name {\n  string BadField = 1;\n}\n")}, yaml="version: v2\nlint:\n  use:\n    - STANDARD\n  except:\n    - FIELD_LOWER_SNAKE_CASE\n")
lint("l_config_ignore", {P + "a.proto": f("message bad_name {\n  string ok = 1;\n}\n"), "acme/bar/v1/b.proto": 'syntax = "proto3";\n\npackage acme.bar.v1;\n\nmessage bad_too {\n  string ok = 1;\n}\n'}, yaml="version: v2\nlint:\n  ignore:\n    - acme/bar\n")
lint("l_config_ignore_only", {P + "a.proto": f("message bad_name {\n  string BadField = 1;\n}\n")}, yaml="version: v2\nlint:\n  ignore_only:\n    FIELD_LOWER_SNAKE_CASE:\n      - acme/foo/v1/a.proto\n")
lint("l_config_minimal", {"x/a.proto": f("message bad_name {\n  string BadField = 1;\n}\n")}, use=("MINIMAL",))
lint("l_config_basic", {P + "a.proto": f("enum E {\n  ZERO = 0;\n}\nservice S {\n  rpc Do(DoRequest) returns (DoRequest);\n}\nmessage DoRequest {}\n")}, use=("BASIC",))
lint("l_config_v1_default", {P + "a.proto": f("enum E {\n  ZERO = 0;\n}\n")}, yaml="version: v1\nlint:\n  use:\n    - DEFAULT\n")
lint("l_config_v1_no_lint_section", {P + "a.proto": f("enum E {\n  ZERO = 0;\n}\n")}, yaml="version: v1\n")
lint("l_config_no_yaml", {P + "a.proto": f("enum E {\n  ZERO = 0;\n}\n")}, yaml="")
lint("l_workspace_v2", {"api/api/v1/a.proto": 'syntax = "proto3";\n\npackage api.v1;\n\nimport "common/v1/c.proto";\n\nmessage A {\n  common.v1.C c = 1;\n  string BadName = 2;\n}\n',
    "common/common/v1/c.proto": 'syntax = "proto3";\n\npackage common.v1;\n\nmessage C {\n  string id = 1;\n}\nenum E {\n  ZERO = 0;\n}\n'},
    yaml="version: v2\nmodules:\n  - path: api\n  - path: common\n    lint:\n      use:\n        - MINIMAL\n")
CASES["l_workspace_v1"] = {"input/buf.work.yaml": "version: v1\ndirectories:\n  - api\n  - common\n",
    "input/api/buf.yaml": "version: v1\nlint:\n  use:\n    - STANDARD\n",
    "input/common/buf.yaml": "version: v1\nlint:\n  use:\n    - BASIC\n",
    "input/api/api/v1/a.proto": 'syntax = "proto3";\n\npackage api.v1;\n\nimport "common/v1/c.proto";\n\nmessage A {\n  common.v1.C c = 1;\n}\nenum E {\n  ZERO = 0;\n}\n',
    "input/common/common/v1/c.proto": 'syntax = "proto3";\n\npackage common.v1;\n\nmessage C {\n  string id = 1;\n}\nenum E {\n  ZERO = 0;\n}\n'}
lint("l_config_v1_deprecated_import_no_weak", {P + "a.proto": f("enum E {\n  ZERO = 0;\n}\n")}, yaml="version: v1\nlint:\n  use:\n    - BASIC\n    - IMPORT_NO_WEAK\n")
lint("l_config_ignore_only_category", {P + "a.proto": f("enum E {\n  ZERO = 0;\n}\nmessage bad_name {\n  string BadField = 1;\n}\n")}, yaml="version: v2\nlint:\n  ignore_only:\n    BASIC:\n      - acme\n")
lint("l_config_except_category", {P + "a.proto": f("enum E {\n  ZERO = 0;\n}\nmessage bad_name {\n  string BadField = 1;\n}\n")}, yaml="version: v2\nlint:\n  use:\n    - STANDARD\n  except:\n    - BASIC\n")
lint("l_nested_names", {P + "a.proto": f("message Outer {\n  message inner_msg {\n    string Bad = 1;\n    enum kind {\n      ZERO = 0;\n    }\n  }\n}\n")})
lint("l_group_proto2", {P + "a.proto": f("message M {\n  optional group Result = 1 {\n    optional string url = 2;\n  }\n}\n", P2)})
lint("l_extensions_fields", {P + "a.proto": f("message M {\n  extensions 100 to 199;\n}\nextend M {\n  optional string BadExt = 100;\n}\n", P2)})
lint("l_editions_clean", {P + "a.proto": f("message Order {\n  string id = 1;\n  Order parent = 2 [features.message_encoding = DELIMITED];\n}\n", ED)})
lint("l_json_name_ok", {P + "a.proto": f("message Order {\n  string id = 1 [json_name = \"ID\"];\n}\n")})
lint("l_pascal_edge_cases", {P + "a.proto": f("message Order2Item {\n  string id = 1;\n}\nmessage ABC {\n  string id = 1;\n}\nmessage A_b {\n  string id = 1;\n}\n")})
lint("l_snake_edge_cases", {P + "a.proto": f("message Order {\n  string id_ = 1;\n  string _id = 2;\n  string i_d2x = 3;\n  string abcDEF = 4;\n  string abc__def = 5;\n}\n")})
lint("l_enum_value_prefix_digits", {P + "a.proto": f("enum HTTP2Kind {\n  HTTP2_KIND_UNSPECIFIED = 0;\n  HTTP2KIND_A = 1;\n}\n")})

lint("l_tab_indented", {P + "a.proto": 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nmessage bad_name {\n\tstring BadField = 1;\n\tenum kind {\n\t\tZERO = 0;\n\t}\n}\n'})
brk("b_tab_indented", {A: 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nmessage M {\n\tstring a = 1;\n\tint32 b = 2;\n}\n'}, {A: 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nmessage M {\n\tbytes a = 1;\n}\n'})
lint("l_tab_stops_mixed", {P + "a.proto": 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nmessage M {\n  \tstring BadA = 1;\n \t \tstring BadB = 2;\n\tstring   \tBadC = 3;\n}\n'})
lint("l_import_cycle_three_packages", {"acme/a/v1/a.proto": 'syntax = "proto3";\n\npackage acme.a.v1;\n\nimport "acme/b/v1/b.proto";\n\nmessage A {\n  acme.b.v1.B b = 1;\n}\n',
    "acme/b/v1/b.proto": 'syntax = "proto3";\n\npackage acme.b.v1;\n\nimport "acme/c/v1/c.proto";\n\nmessage B {\n  acme.c.v1.C c = 1;\n}\n',
    "acme/c/v1/c.proto": 'syntax = "proto3";\n\npackage acme.c.v1;\n\nimport "acme/a/v1/x.proto";\n\nmessage C {\n  acme.a.v1.X x = 1;\n}\n',
    "acme/a/v1/x.proto": 'syntax = "proto3";\n\npackage acme.a.v1;\n\nmessage X {\n  string id = 1;\n}\n'})
lint("l_comments_detached_not_enough", {P + "a.proto": f("// Detached.\n\nmessage Order {\n  // Leading.\n  string id = 1;\n}\n")}, use=("COMMENTS",))
lint("l_comments_block_style", {P + "a.proto": f("/* Documented. */\nmessage Order {\n  /**\n   * Also documented.\n   */\n  string id = 1;\n}\n")}, use=("COMMENTS",))
lint("l_ignore_comment_on_field_type_rule", {P + "svc.proto": f("service OrderService {\n  // buf:lint:ignore RPC_REQUEST_STANDARD_NAME\n  rpc GetOrder(Req) returns (GetOrderResponse);\n}\nmessage Req {}\nmessage GetOrderResponse {}\n")})
lint("l_ignore_comment_on_enum_value", {P + "a.proto": f("enum OrderState {\n  ORDER_STATE_UNSPECIFIED = 0;\n  // buf:lint:ignore ENUM_VALUE_PREFIX\n  OPEN = 1;\n  CLOSED = 2;\n}\n")})
lint("l_ignore_comment_on_package", {P + "a.proto": 'syntax = "proto3";\n\n// buf:lint:ignore PACKAGE_VERSION_SUFFIX\npackage acme.foo;\n\nmessage Order {\n  string id = 1;\n}\n'.replace("package acme.foo;", "package acme.foo.v1x;")})
lint("l_ignore_comment_on_import", {P + "a.proto": 'syntax = "proto3";\n\npackage acme.foo.v1;\n\n// buf:lint:ignore IMPORT_USED\nimport "google/protobuf/empty.proto";\n\nmessage Order {\n  string id = 1;\n}\n'})
brk("b_oneof_field_added_to_oneof_ok", {A: base_msg}, {A: mod(base_msg, "    string iban = 6;\n", "    string iban = 6;\n    string wallet = 9;\n")})
brk("b_enum_value_added_ok", {A: base_msg}, {A: mod(base_msg, "  STATUS_CLOSED = 2;\n", "  STATUS_CLOSED = 2;\n  STATUS_VOID = 3;\n")})
brk("b_message_renamed", {A: base_msg}, {A: base_msg.replace("Detail", "Info")})
brk("b_service_renamed", {A: base_msg}, {A: base_msg.replace("OrderService", "OrdersService")}, use=("WIRE",))
brk("b_field_moved_between_messages", {A: f("message A {\n  string x = 1;\n  string y = 2;\n}\nmessage B {\n  string z = 1;\n}\n")}, {A: f("message A {\n  string x = 1;\n}\nmessage B {\n  string z = 1;\n  string y = 2;\n}\n")})
brk("b_proto2_optional_to_required", {A: f("message M {\n  optional int32 a = 1;\n  required int32 b = 2;\n}\n", P2)}, {A: f("message M {\n  required int32 a = 1;\n  optional int32 b = 2;\n}\n", P2)}, use=("WIRE_JSON",))
brk("b_packed_proto2_expanded_repeated_ok", {A: f("message M {\n  repeated int32 a = 1 [packed = true];\n}\n", P2)}, {A: f("message M {\n  repeated int32 a = 1;\n}\n", P2)}, use=("WIRE",))

# ---------------------------------------------------------------- bad input
lint("x_does_not_compile", {P + "a.proto": f("message Order {\n  string id = 1\n}\n")})
lint("x_missing_import", {P + "a.proto": 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nimport "acme/foo/v1/missing.proto";\n\nmessage A {\n  string id = 1;\n}\n'})
lint("x_unknown_rule", {P + "a.proto": clean}, yaml="version: v2\nlint:\n  use:\n    - NOT_A_RULE\n")
lint("x_unknown_type", {P + "a.proto": f("message Order {\n  Missing m = 1;\n}\n")})
brk("x_breaking_current_broken", {A: base_msg}, {A: base_msg.replace("string id = 1;", "string id = 1")})
brk("x_breaking_unknown_rule", {A: base_msg}, {A: base_msg}, yaml="version: v2\nbreaking:\n  use:\n    - FIELD_NO_DELETE_PLEASE\n")

# protoc and buf's compiler disagree on allow_alias; the harness gives buf's answer (AllowAlias)
lint("l_enum_allow_alias_false_nested_ok", {P + "a.proto": f("message Order {\n  enum State {\n    option allow_alias = false;\n    STATE_UNSPECIFIED = 0;\n    STATE_OPEN = 1;\n  }\n  State state = 1;\n}\n")})
lint("l_enum_allow_alias_unused_nested", {P + "a.proto": f("message Order {\n  enum State {\n    STATE_UNSPECIFIED = 0;\n    option  allow_alias =\n      true;\n    STATE_OPEN = 1;\n  }\n  State state = 1;\n}\n")})
brk("b_enum_allow_alias_false_added_ok", {A: f("enum Level {\n  LEVEL_UNSPECIFIED = 0;\n}\n")}, {A: f("enum Level {\n  option allow_alias = false;\n  LEVEL_UNSPECIFIED = 0;\n}\n")})

# ---------------------------------------------------------------- lint: PROTOVALIDATE
# buf/validate/validate.proto is not in the corpus: BufDifferentialTest stages these cases with the
# copy the build fetched (build.buf:protovalidate from Maven Central) at buf/validate/ of each side.
PV_NOTE = "stage with buf/validate/validate.proto from build.buf:protovalidate\n"
PVH = 'syntax = "proto3";\n\npackage acme.foo.v1;\n\nimport "buf/validate/validate.proto";\n'
PVH_WKT = PVH + 'import "google/protobuf/duration.proto";\nimport "google/protobuf/field_mask.proto";\nimport "google/protobuf/timestamp.proto";\nimport "google/protobuf/wrappers.proto";\n'
PV_YAML = "version: v2\nlint:\n  use:\n    - PROTOVALIDATE\n  ignore:\n    - buf\n"

def pv(name, body, header=PVH, yaml=PV_YAML):
    lint(name, {P + "a.proto": header + "\n" + d(body)}, yaml=yaml)
    CASES[name]["protovalidate.txt"] = PV_NOTE

pv("l_pv_string_rules_on_int", """
message User {
  int32 age = 1 [(buf.validate.field).string.min_len = 1];
  string name = 2 [(buf.validate.field).int32.gt = 0];
}
""")
pv("l_pv_min_len_above_max_len", """
message User {
  string name = 1 [
    (buf.validate.field).string.min_len = 5,
    (buf.validate.field).string.max_len = 2
  ];
  bytes blob = 2 [(buf.validate.field).bytes.min_len = 9, (buf.validate.field).bytes.max_len = 3];
}
""")
pv("l_pv_min_len_equals_max_len", """
message User {
  string code = 1 [(buf.validate.field).string.min_len = 3, (buf.validate.field).string.max_len = 3];
  string raw = 2 [(buf.validate.field).string.min_bytes = 4, (buf.validate.field).string.max_bytes = 4];
}
""")
pv("l_pv_len_makes_bounds_redundant", """
message User {
  string code = 1 [
    (buf.validate.field).string.len = 3,
    (buf.validate.field).string.min_len = 1,
    (buf.validate.field).string.max_len = 8
  ];
}
""")
pv("l_pv_const_with_other_rules", """
message User {
  string kind = 1 [(buf.validate.field).string.const = "user", (buf.validate.field).string.min_len = 1];
  int64 level = 2 [(buf.validate.field).int64.const = 3, (buf.validate.field).int64.gt = 1];
  bool active = 3 [(buf.validate.field).bool.const = true];
}
""")
pv("l_pv_required_in_oneof", """
message Payment {
  oneof method {
    string card = 1 [(buf.validate.field).required = true];
    string iban = 2;
  }
  optional string note = 3 [(buf.validate.field).required = true];
}
""")
pv("l_pv_ignore_flags", """
message User {
  string a = 1 [(buf.validate.field).ignore = IGNORE_ALWAYS, (buf.validate.field).string.min_len = 1];
  string b = 2 [(buf.validate.field).required = true, (buf.validate.field).ignore = IGNORE_IF_ZERO_VALUE];
  optional string c = 3 [(buf.validate.field).ignore = IGNORE_IF_ZERO_VALUE];
  User d = 4 [(buf.validate.field).ignore = IGNORE_IF_ZERO_VALUE];
  string e = 5 [(buf.validate.field).ignore = IGNORE_IF_ZERO_VALUE, (buf.validate.field).string.min_len = 2];
}
""")
pv("l_pv_repeated_rules_mismatch", """
message Order {
  string id = 1 [(buf.validate.field).repeated.min_items = 1];
  repeated string tags = 2 [(buf.validate.field).string.min_len = 1];
  map<string, int32> counts = 3 [(buf.validate.field).repeated.max_items = 4];
}
""")
pv("l_pv_repeated_rules", """
message Line {
  string sku = 1;
}
message Order {
  repeated Line lines = 1 [(buf.validate.field).repeated.unique = true];
  repeated string tags = 2 [
    (buf.validate.field).repeated.min_items = 5,
    (buf.validate.field).repeated.max_items = 2
  ];
  repeated string notes = 3 [(buf.validate.field).repeated.items.required = true];
  repeated int64 ids = 4 [(buf.validate.field).repeated.items.string.min_len = 1];
}
""")
pv("l_pv_map_rules", """
message Order {
  string id = 1 [(buf.validate.field).map.min_pairs = 1];
  map<string, int32> counts = 2 [
    (buf.validate.field).map.min_pairs = 4,
    (buf.validate.field).map.max_pairs = 1
  ];
  map<string, string> labels = 3 [(buf.validate.field).map.keys.int32.gt = 0];
  map<string, string> extra = 4 [(buf.validate.field).map.values.required = true];
  map<int64, string> byId = 5 [(buf.validate.field).map.keys.required = true];
}
""")
pv("l_pv_numeric_equal_bounds", """
message Range {
  int32 a = 1 [(buf.validate.field).int32.gte = 5, (buf.validate.field).int32.lte = 5];
  uint64 b = 2 [(buf.validate.field).uint64.gt = 7, (buf.validate.field).uint64.lt = 7];
  double c = 3 [(buf.validate.field).double.gte = 1.5, (buf.validate.field).double.lt = 1.5];
  sint32 d = 4 [(buf.validate.field).sint32.gt = 1, (buf.validate.field).sint32.lt = 10];
  fixed64 e = 5 [(buf.validate.field).fixed64.gt = 10, (buf.validate.field).fixed64.lt = 1];
}
""")
pv("l_pv_float_nan", """
message Reading {
  double value = 1 [(buf.validate.field).double.gt = nan];
  float ratio = 2 [(buf.validate.field).float = {in: [1.0, nan], not_in: [nan]}];
  double ok = 3 [(buf.validate.field).double.gte = -inf];
}
""")
pv("l_pv_string_substrings", """
message User {
  string a = 1 [(buf.validate.field).string.prefix = "abcdef", (buf.validate.field).string.max_len = 3];
  string b = 2 [(buf.validate.field).string.suffix = "éé", (buf.validate.field).string.max_bytes = 3];
  string c = 3 [(buf.validate.field).string.contains = "foobar", (buf.validate.field).string.not_contains = "oba"];
  string d = 4 [(buf.validate.field).string.min_len = 4, (buf.validate.field).string.max_bytes = 3];
  string e = 5 [(buf.validate.field).string.max_len = 1, (buf.validate.field).string.min_bytes = 5];
  string f = 6 [(buf.validate.field).string.strict = false];
  string g = 7 [(buf.validate.field).string.well_known_regex = KNOWN_REGEX_HTTP_HEADER_NAME, (buf.validate.field).string.strict = false];
}
""")
pv("l_pv_bytes_substrings", """
message Blob {
  bytes a = 1 [(buf.validate.field).bytes.prefix = "abcd", (buf.validate.field).bytes.max_len = 2];
  bytes b = 2 [(buf.validate.field).bytes.const = "x", (buf.validate.field).bytes.min_len = 1];
}
""")
pv("l_pv_well_known_types", """
message Event {
  google.protobuf.Timestamp at = 1 [(buf.validate.field).timestamp.lt_now = true, (buf.validate.field).timestamp.gt_now = true];
  google.protobuf.Duration ttl = 2 [
    (buf.validate.field).duration.gte = {seconds: 5},
    (buf.validate.field).duration.lte = {seconds: 5}
  ];
  google.protobuf.Int32Value count = 3 [(buf.validate.field).int32.gt = 0];
  google.protobuf.StringValue name = 4 [(buf.validate.field).int32.gt = 0];
  google.protobuf.FieldMask mask = 5 [(buf.validate.field).field_mask = {in: ["a", "b"], not_in: ["b"]}];
  google.protobuf.Timestamp later = 6 [(buf.validate.field).duration.gt = {seconds: 1}];
}
""", header=PVH_WKT)
pv("l_pv_message_literal_syntax", """
message User {
  string name = 1 [(buf.validate.field) = {
    string: {min_len: 5, max_len: 2}
  }];
  int32 age = 2 [(buf.validate.field) = {string: {min_len: 1}}];
  string nick = 3 [(buf.validate.field) = {required: true, ignore: IGNORE_IF_ZERO_VALUE}];
}
""")
pv("l_pv_message_oneof_rules", """
message Contact {
  option (buf.validate.message).oneof = {fields: ["email", "phone"]};
  option (buf.validate.message).oneof = {fields: ["phone", "fax", "fax"]};
  option (buf.validate.message).oneof = {fields: ["pager"]};
  option (buf.validate.message).oneof = {required: true};
  string email = 1;
  string phone = 2;
  string fax = 3;
}
""")
pv("l_pv_extension_rules", """
message Base {
  extensions 100 to 200;
}
""", header='syntax = "proto2";\n\npackage acme.foo.v1;\n\nimport "buf/validate/validate.proto";\n' + "\nextend Base {\n  optional string tag = 100 [(buf.validate.field).required = true];\n  optional string label = 101 [(buf.validate.field).ignore = IGNORE_IF_ZERO_VALUE];\n}\n")
pv("l_pv_nested_and_enum", """
message Order {
  enum State {
    STATE_UNSPECIFIED = 0;
    STATE_OPEN = 1;
  }
  message Line {
    string sku = 1 [(buf.validate.field).int64.gt = 0];
  }
  State state = 1 [(buf.validate.field).enum.const = 1, (buf.validate.field).enum.defined_only = true];
  State other = 2 [(buf.validate.field).string.min_len = 1];
  repeated Line lines = 3;
}
""")
pv("l_pv_ignore_comment", """
message User {
  // buf:lint:ignore PROTOVALIDATE
  int32 age = 1 [(buf.validate.field).string.min_len = 1];
  int32 height = 2 [(buf.validate.field).string.min_len = 1];
}
""")
pv("l_pv_legal_rules_ok", """
message User {
  string id = 1 [(buf.validate.field).string.uuid = true];
  string email = 2 [(buf.validate.field).string.email = true, (buf.validate.field).string.max_len = 254];
  string name = 3 [(buf.validate.field).string.min_len = 1, (buf.validate.field).string.max_len = 64];
  int32 age = 4 [(buf.validate.field).int32 = {gte: 0, lt: 150}];
  uint64 score = 5 [(buf.validate.field).uint64.gt = 10, (buf.validate.field).uint64.lt = 1];
  repeated string tags = 6 [(buf.validate.field).repeated = {min_items: 1, max_items: 5, unique: true, items: {string: {min_len: 1}}}];
  map<string, int32> counts = 7 [(buf.validate.field).map = {max_pairs: 3, keys: {string: {min_len: 1}}, values: {int32: {gt: 0}}}];
  oneof contact {
    string phone = 8 [(buf.validate.field).string.min_len = 5];
    string fax = 9;
  }
  optional string nick = 10 [(buf.validate.field).required = true];
  bytes avatar = 11 [(buf.validate.field).bytes.max_len = 1024];
  double ratio = 12 [(buf.validate.field).double = {gte: 0.0, lte: 1.0}];
  string header = 13 [(buf.validate.field).string.well_known_regex = KNOWN_REGEX_HTTP_HEADER_VALUE, (buf.validate.field).string.strict = false];
  string plain = 14 [(buf.validate.field).ignore = IGNORE_IF_ZERO_VALUE, (buf.validate.field).string.min_len = 3];
  string always = 15 [(buf.validate.field).ignore = IGNORE_ALWAYS];
}
""")
pv("l_pv_wkt_legal_ok", """
message Event {
  google.protobuf.Timestamp at = 1 [(buf.validate.field).timestamp.lt_now = true];
  google.protobuf.Duration ttl = 2 [(buf.validate.field).duration = {gt: {seconds: 1}, lt: {seconds: 60}}];
  google.protobuf.Int64Value count = 3 [(buf.validate.field).int64.gte = 0];
  repeated google.protobuf.StringValue names = 4 [(buf.validate.field).repeated.unique = true];
  google.protobuf.FieldMask mask = 5 [(buf.validate.field).field_mask = {in: ["a", "b"], not_in: ["c"]}];
}
""", header=PVH_WKT)
pv("l_pv_standard_default_ok", """
// User is a user.
message User {
  string name = 1 [(buf.validate.field).string.min_len = 1];
}
""", yaml="version: v2\nlint:\n  ignore:\n    - buf\n")
pv("l_pv_standard_default_violation", """
// User is a user.
message User {
  int32 name = 1 [(buf.validate.field).string.min_len = 1];
}
""", yaml="version: v2\nlint:\n  ignore:\n    - buf\n")
pv("l_pv_except_protovalidate_ok", """
message User {
  int32 name = 1 [(buf.validate.field).string.min_len = 1];
}
""", yaml="version: v2\nlint:\n  except:\n    - PROTOVALIDATE\n  ignore:\n    - buf\n")

pv("l_pv_literal_nested_collections", """
message Order {
  repeated string tags = 1 [(buf.validate.field).repeated = {
    min_items: 5,
    max_items: 2,
    items: {string: {min_len: 3, max_len: 1}}
  }];
  map<string, string> labels = 2 [(buf.validate.field).map = {keys: {int32: {gt: 0}}, values: {required: true}}];
  repeated string notes = 3 [(buf.validate.field) = {repeated: {items: {string: {len: 2, min_len: 1}}}}];
  string code = 4 [(buf.validate.field).string = {in: ["a", "b"], const: "a"}];
}
""")
lint("l_pv_literal_tabs_unicode", {P + "a.proto": PVH + "\nmessage User {\n\tstring name = 1 [(buf.validate.field).string = {prefix: \"\u00e9t\u00e9\", max_len: 2}];\n\tstring nick = 2 [(buf.validate.field).string = {\n\t\tmin_len: 4,\n\t\tmax_len: 2\n\t}];\n}\n"}, yaml=PV_YAML)
CASES["l_pv_literal_tabs_unicode"]["protovalidate.txt"] = PV_NOTE

pv("l_pv_pattern", """
message User {
  string a = 1 [(buf.validate.field).string.pattern = "(abc"];
  string b = 2 [(buf.validate.field).string.pattern = "a**"];
  string c = 3 [(buf.validate.field).string.pattern = "[z-a]"];
  string d = 4 [(buf.validate.field).string.pattern = "x{2,1}"];
  string ok = 5 [(buf.validate.field).string.pattern = "^[a-z]+(?:-[a-z0-9]+)*$"];
  string named = 6 [(buf.validate.field).string.pattern = "(?P<word>\\\\w+)"];
  bytes e = 7 [(buf.validate.field).bytes.pattern = "(x"];
  bytes fine = 8 [(buf.validate.field).bytes.pattern = "^\\\\x00+$"];
}
""")

# ---- PROTOVALIDATE: CEL (cel, cel_expression, predefined rules) and example values
pv("l_pv_cel_message", """
message User {
  option (buf.validate.message).cel = {
    id: "name_set"
    message: "name must be set"
    expression: "this.name.size() > 0"
  };
  option (buf.validate.message).cel = {
    id: "syntax"
    expression: "this.name.size( > 0"
  };
  option (buf.validate.message).cel = {
    id: "count"
    expression: "this.name.size()"
  };
  option (buf.validate.message).cel = {
    id: "name_set"
    expression: "true"
  };
  option (buf.validate.message).cel = {
    id: "no_expression"
  };
  option (buf.validate.message).cel = {
    id: "unknown_field"
    expression: "this.nickname == 'x'"
  };
  option (buf.validate.message).cel = {id: "bad id!", expression: "true"};
  option (buf.validate.message).cel = {id: "  ", expression: "  "};
  option (buf.validate.message).cel = {id: "with_message", message: "m", expression: "this.name"};
  option (buf.validate.message).cel = {id: "overload", expression: "this.name == 1"};
  option (buf.validate.message).cel = {id: "nested_enum", expression: "this.kind == Kind.KIND_A"};
  string name = 1;
  Kind kind = 2;
  enum Kind {
    KIND_UNSPECIFIED = 0;
    KIND_A = 1;
  }
}
""")
pv("l_pv_cel_result_types", """
message Event {
  option (buf.validate.message).cel_expression = "[1, 2]";
  option (buf.validate.message).cel_expression = "{'a': 1}";
  option (buf.validate.message).cel_expression = "now";
  option (buf.validate.message).cel_expression = "null";
  option (buf.validate.message).cel_expression = "this.at";
  option (buf.validate.message).cel_expression = "this";
  option (buf.validate.message).cel_expression = "this.ttl";
  option (buf.validate.message).cel_expression = "this.count";
  option (buf.validate.message).cel_expression = "this.tags";
  option (buf.validate.message).cel_expression = "this.labels";
  option (buf.validate.message).cel_expression = "1.5";
  option (buf.validate.message).cel_expression = "b'x'";
  option (buf.validate.message).cel_expression = "1u";
  option (buf.validate.message).cel_expression = "type(1)";
  option (buf.validate.message).cel_expression = "1 +";
  option (buf.validate.message).cel_expression = "this.tags.size() > 0 ? '' : 'tags are required'";
  google.protobuf.Timestamp at = 1;
  google.protobuf.Duration ttl = 2;
  google.protobuf.Int32Value count = 3;
  repeated string tags = 4;
  map<string, int64> labels = 5;
}
""", header=PVH_WKT)
pv("l_pv_cel_field", """
message Order {
  string id = 1 [(buf.validate.field).cel = {
    id: "short"
    expression: "this.size() < 5"
  }, (buf.validate.field).cel = {
    id: "plus"
    expression: "this + 1"
  }, (buf.validate.field).cel_expression = "this.startsWith('o')",
  (buf.validate.field).cel_expression = "rules.min_len > 0"];
  repeated string tags = 2 [
    (buf.validate.field).cel = {id: "tags", expression: "this.size() > 0 && this.all(t, t.size() > 1)"},
    (buf.validate.field).repeated.items.cel = {id: "tag", expression: "this.size()"}
  ];
  map<string, int32> counts = 3 [
    (buf.validate.field).map.keys.cel = {id: "key", expression: "this + 1"},
    (buf.validate.field).map.values.cel = {id: "value", expression: "this > 0"},
    (buf.validate.field).cel = {id: "counts", expression: "this.size()"}
  ];
  Status status = 4 [(buf.validate.field).cel = {id: "status", expression: "this"}];
  int32 quantity = 5 [(buf.validate.field).cel = {id: "quantity", expression: "this > 1u && this < 5.5"}];
  google.protobuf.Timestamp at = 6 [(buf.validate.field).cel = {id: "at", expression: "this.getSeconds()"}];
  google.protobuf.Int32Value limit = 7 [(buf.validate.field).cel = {id: "limit", expression: "this"}];
  google.protobuf.Timestamp due = 8 [(buf.validate.field).cel = {id: "due", expression: "this < now"}];
  Line line = 9 [(buf.validate.field).cel = {id: "line", expression: "this.sku"}];
  string code = 10 [(buf.validate.field).cel = {id: "dup", expression: "true"}, (buf.validate.field).cel = {id: "dup", expression: "false"}];
}

message Line {
  string sku = 1;
}

enum Status {
  STATUS_UNSPECIFIED = 0;
  STATUS_OPEN = 1;
}
""", header=PVH_WKT)
pv("l_pv_cel_literal_form", """
message Order {
  string id = 1 [(buf.validate.field) = {
    cel: [{id: "a", expression: "this.size()"}, {id: "b", expression: "this +"}],
    string: {min_len: 1}
  }];
  string note = 2 [(buf.validate.field) = {cel {id: "c", expression: "this.size( > 1"}}];
  repeated int64 ids = 3 [(buf.validate.field) = {repeated: {items: {cel_expression: ["this", "this > 0"]}}}];
}
""")
pv("l_pv_cel_legal_ok", """
message Account {
  option (buf.validate.message).cel = {
    id: "contact"
    message: "email or phone is required"
    expression: "has(this.email) || this.phone != ''"
  };
  option (buf.validate.message).cel = {
    id: "string_result"
    expression: "this.name.size() > 64 ? 'name is too long' : ''"
  };
  option (buf.validate.message).cel_expression = "this.kind != acme.foo.v1.Account.Kind.KIND_UNSPECIFIED || this.name == ''";
  option (buf.validate.message).cel_expression = "dyn(this.name)";
  optional string email = 1 [(buf.validate.field).cel_expression = "this.isEmail()"];
  string phone = 2;
  string name = 3 [(buf.validate.field).cel = {
    id: "name.functions"
    expression: "this.lowerAscii().trim().size() >= 0 && this.isHostname() || this.isIp(4) || this.isIpPrefix(true) || this.isUri() || this.isUriRef() || this.isHostAndPort(false) || this.matches('^[a-z]+$')"
  }];
  repeated string tags = 4 [(buf.validate.field).cel = {id: "tags.unique", expression: "this.unique() && this.exists_one(t, t == 'x') || this.map(t, t.size()).filter(n, n > 1).size() == 0"}];
  double ratio = 5 [(buf.validate.field).cel = {id: "ratio", expression: "!this.isNan() && !this.isInf() && this >= 0"}];
  uint32 level = 6 [(buf.validate.field).cel = {id: "level", expression: "this < 10 && this > 0.5"}];
  google.protobuf.Timestamp created = 7 [(buf.validate.field).cel = {id: "created", expression: "this <= now && this > timestamp('2000-01-01T00:00:00Z')"}];
  google.protobuf.Duration ttl = 8 [(buf.validate.field).cel = {id: "ttl", expression: "this < duration('1h')"}];
  bytes blob = 9 [(buf.validate.field).cel = {id: "blob", expression: "this.startsWith(b'x') && this.size() < 10"}];
  map<string, string> labels = 10 [(buf.validate.field).cel = {id: "labels", expression: "this.all(k, k.size() < 64 && this[k] != '')"}];
  Kind kind = 11 [(buf.validate.field).cel = {id: "kind", expression: "this == 1 || this == acme.foo.v1.Account.Kind.KIND_A"}];
  google.protobuf.StringValue nick = 12 [(buf.validate.field).cel = {id: "nick", expression: "this == null || this.size() > 1"}];
  string message = 13 [(buf.validate.field).cel = {id: "format", expression: "this == '' ? '' : 'got %s'.format([this])"}];
  enum Kind {
    KIND_UNSPECIFIED = 0;
    KIND_A = 1;
  }
}
""", header=PVH_WKT)

PV2H = 'syntax = "proto2";\n\npackage acme.foo.v1;\n\nimport "buf/validate/validate.proto";\n'
lint("l_pv_predefined_rules", {
    P + "rules.proto": PV2H + "\n" + d("""
        extend buf.validate.StringRules {
          optional bool short_name = 80048952 [(buf.validate.predefined).cel = {
            id: "string.short_name"
            expression: "!rule || this.size() < 8"
          }];
          optional int32 max_words = 80048953 [(buf.validate.predefined).cel = {
            id: "string.max_words"
            expression: "this.size() + rule"
          }, (buf.validate.predefined).cel = {
            id: "bad id!"
            expression: "rules.min_len > 0u"
          }];
        }

        extend buf.validate.Int64Rules {
          optional int64 above = 80048954 [(buf.validate.predefined).cel = {
            id: "int64.above"
            expression: "this > rule ? '' : 'too small'"
            message: "redundant"
          }, (buf.validate.predefined).cel = {
            id: "int64.undeclared"
            expression: "this > limit"
          }];
        }

        extend buf.validate.RepeatedRules {
          optional bool non_empty = 80048955 [(buf.validate.predefined).cel = {id: "repeated.non_empty", expression: "!rule || this.size() > 0"}];
          optional bool typed = 80048956 [(buf.validate.predefined).cel = {id: "repeated.typed", expression: "this[0] + 1 > 0"}];
        }

        extend buf.validate.DurationRules {
          optional bool positive = 80048957 [(buf.validate.predefined).cel = {id: "duration.positive", expression: "this"}];
        }

        extend buf.validate.MapRules {
          optional bool small = 80048958 [(buf.validate.predefined).cel = {id: "map.small", expression: "this.size() < 10"}, (buf.validate.predefined).cel = {id: "map.small", expression: "true"}];
        }

        extend buf.validate.EnumRules {
          optional bool not_first = 80048959 [(buf.validate.predefined).cel = {id: "enum.not_first", expression: "this != 1 && rules.defined_only"}];
        }
        """),
    P + "user.proto": PVH + 'import "acme/foo/v1/rules.proto";\n\n' + d("""
        message User {
          string name = 1 [(buf.validate.field).string.(short_name) = true];
          repeated string tags = 2 [(buf.validate.field).repeated.(non_empty) = true];
        }
        """),
}, yaml=PV_YAML)
CASES["l_pv_predefined_rules"]["protovalidate.txt"] = PV_NOTE
lint("l_pv_predefined_legal_ok", {
    P + "rules.proto": PV2H + 'import "google/protobuf/timestamp.proto";\n\n' + d("""
        extend buf.validate.StringRules {
          optional bool slug = 80048960 [(buf.validate.predefined).cel = {
            id: "string.slug"
            message: "must be a slug"
            expression: "!rule || this.matches('^[a-z0-9-]+$')"
          }];
          optional uint64 max_runes = 80048961 [(buf.validate.predefined).cel = {
            id: "string.max_runes"
            expression: "uint(this.size()) <= rule ? '' : 'at most %s runes'.format([rule])"
          }];
        }

        extend buf.validate.TimestampRules {
          optional bool after_2000 = 80048962 [(buf.validate.predefined).cel = {id: "timestamp.after_2000", expression: "!rule || this > timestamp('2000-01-01T00:00:00Z')"}];
        }

        extend buf.validate.UInt32Rules {
          optional uint32 even_below = 80048963 [(buf.validate.predefined).cel = {id: "uint32.even_below", expression: "this % 2u == 0u && this < rule && !has(rules.const)"}];
        }

        extend buf.validate.RepeatedRules {
          optional uint64 at_least = 80048964 [(buf.validate.predefined).cel = {id: "repeated.at_least", expression: "uint(this.size()) >= rule"}];
        }
        """),
    P + "user.proto": PVH + 'import "acme/foo/v1/rules.proto";\nimport "google/protobuf/timestamp.proto";\n\n' + d("""
        message User {
          string handle = 1 [(buf.validate.field).string.(slug) = true, (buf.validate.field).string.(max_runes) = 30, (buf.validate.field).string.example = "good-slug"];
          google.protobuf.Timestamp born = 2 [(buf.validate.field).timestamp.(after_2000) = true];
          uint32 slot = 3 [(buf.validate.field).uint32.(even_below) = 100];
          repeated string tags = 4 [(buf.validate.field).repeated.(at_least) = 1];
        }
        """),
}, yaml=PV_YAML)
CASES["l_pv_predefined_legal_ok"]["protovalidate.txt"] = PV_NOTE
lint("l_pv_examples_predefined", {
    P + "rules.proto": PV2H + "\n" + d("""
        extend buf.validate.StringRules {
          optional bool slug = 80048960 [(buf.validate.predefined).cel = {
            id: "string.slug"
            message: "must be a slug"
            expression: "!rule || this.matches('^[a-z0-9-]+$')"
          }];
        }

        extend buf.validate.UInt32Rules {
          optional uint32 even_below = 80048963 [(buf.validate.predefined).cel = {id: "uint32.even_below", expression: "this % 2u == 0u && this < rule && !has(rules.const)"}];
        }
        """),
    P + "user.proto": PVH + 'import "acme/foo/v1/rules.proto";\n\n' + d("""
        message User {
          string handle = 1 [(buf.validate.field).string.(slug) = true, (buf.validate.field).string.example = "Not A Slug"];
          uint32 slot = 2 [(buf.validate.field).uint32.(even_below) = 100, (buf.validate.field).uint32.example = 3, (buf.validate.field).uint32.example = 4];
          string other = 3 [(buf.validate.field).string.(slug) = true, (buf.validate.field).string.min_len = 5, (buf.validate.field).string.example = "ab"];
        }
        """),
}, yaml=PV_YAML)
CASES["l_pv_examples_predefined"]["protovalidate.txt"] = PV_NOTE

pv("l_pv_examples", """
message Profile {
  int32 age = 1 [(buf.validate.field).int32.example = 5, (buf.validate.field).int32.gt = 10];
  string handle = 2 [(buf.validate.field).string = {min_len: 3, example: "ab", example: "abcd"}];
  repeated uint64 ids = 3 [(buf.validate.field).repeated.items.uint64 = {lt: 5, example: 7, example: 1}];
  map<string, double> scores = 4 [(buf.validate.field).map.keys.string = {max_len: 2, example: "abc"}, (buf.validate.field).map.values.double = {gt: 0.5, example: 0.25, example: 1e-7, example: 1234567}];
  bytes avatar = 5 [(buf.validate.field).bytes = {min_len: 3, example: "ab"}];
  float weight = 6 [(buf.validate.field).float = {gt: 1000000, example: 3.5}];
  google.protobuf.Int32Value limit = 7 [(buf.validate.field).int32 = {gt: 3, example: 1}];
  Tier tier = 8 [(buf.validate.field).enum = {defined_only: true, example: 7, example: 1}];
  string email = 9 [(buf.validate.field).string = {email: true, example: "nope", example: "a@b.com"}];
  string code = 10 [(buf.validate.field).cel = {id: "code_x", message: "must be x", expression: "this == 'x'"}, (buf.validate.field).string.example = "y"];
  bool active = 11 [(buf.validate.field).bool = {const: true, example: false}];
  string quote = 12 [(buf.validate.field).string = {uuid: true, example: "x\\"y"}];
  sint64 delta = 13 [(buf.validate.field).sint64 = {in: [1, 2], example: -3}];
  uint32 port = 14 [(buf.validate.field).uint32 = {lte: 1024, example: 4294967295}];
  double ratio = 15 [(buf.validate.field).double = {lt: 1, example: 100000, example: 0.0001, example: 0.00001}];
}

enum Tier {
  TIER_UNSPECIFIED = 0;
  TIER_GOLD = 1;
}
""", header=PVH_WKT)
pv("l_pv_examples_beside_broken_cel", """
message Profile {
  option (buf.validate.message).cel = {id: "broken", expression: "this.nope"};
  int32 low = 9 [(buf.validate.field).int32 = {gt: 10, example: 1}];
  int32 age = 1 [(buf.validate.field).int32 = {gt: 10, example: 11, example: 99}];
  string handle = 2 [(buf.validate.field).string = {min_len: 3, example: "abc"}];
  string free = 3 [(buf.validate.field).string.example = "anything"];
  repeated string tags = 4 [(buf.validate.field).repeated.items.string = {max_len: 3, example: "a"}];
  map<string, int32> counts = 5 [(buf.validate.field).map.values.int32 = {gte: 0, example: 0}];
  google.protobuf.Duration ttl = 6 [(buf.validate.field).duration = {gt: {seconds: 1}, example: {seconds: 5}}];
  Tier tier = 7 [(buf.validate.field).enum = {defined_only: true, example: 1}];
  string broken = 8 [(buf.validate.field).cel = {id: "broken_field", expression: "this +"}];
}

enum Tier {
  TIER_UNSPECIFIED = 0;
  TIER_GOLD = 1;
}
""", header=PVH_WKT)

pv("l_pv_examples_legal_ok", """
message Profile {
  option (buf.validate.message).cel = {id: "adult", expression: "this.age >= 18"};
  int32 age = 1 [(buf.validate.field).int32 = {gt: 10, example: 11, example: 99}];
  string handle = 2 [(buf.validate.field).string = {min_len: 3, example: "abc", pattern: "^[a-z]+$"}];
  string free = 3 [(buf.validate.field).string.example = "anything"];
  repeated string tags = 4 [(buf.validate.field).repeated.items.string = {max_len: 3, example: "a"}];
  map<string, int32> counts = 5 [(buf.validate.field).map.keys.string = {min_len: 1, example: "k"}, (buf.validate.field).map.values.int32 = {gte: 0, example: 0}];
  google.protobuf.Duration ttl = 6 [(buf.validate.field).duration = {gt: {seconds: 1}, example: {seconds: 5}}];
  Tier tier = 7 [(buf.validate.field).enum = {defined_only: true, example: 1}];
  string host = 8 [(buf.validate.field).string = {hostname: true, example: "example.com"}];
  google.protobuf.Int64Value big = 9 [(buf.validate.field).int64 = {lt: 0, example: -5}];
  double ratio = 10 [(buf.validate.field).double = {gte: 0, lte: 1, example: 0.5}];
  bytes key = 11 [(buf.validate.field).bytes = {len: 2, example: "ab"}];
  string word = 12 [(buf.validate.field).cel = {id: "word", expression: "this != 'stop'"}, (buf.validate.field).string.example = "go"];
  optional string nick = 13 [(buf.validate.field).string = {max_len: 4, example: "nick"}, (buf.validate.field).required = true];
}

enum Tier {
  TIER_UNSPECIFIED = 0;
  TIER_GOLD = 1;
}
""", header=PVH_WKT)
pv("l_pv_examples_message_values", """
message Window {
  google.protobuf.Duration ttl = 1 [(buf.validate.field).duration = {gt: {seconds: 10}, example: {seconds: 5, nanos: 3}, example: [{seconds: 1}, {seconds: 2}]}];
  google.protobuf.Timestamp start = 2 [(buf.validate.field).timestamp = {gt: {seconds: 1000}, example: {seconds: 5}}];
  google.protobuf.FieldMask mask = 3 [(buf.validate.field).field_mask = {in: ["a"], example: {paths: ["b", "c"]}}];
}
""", header=PVH_WKT)
CASES["l_pv_examples_message_values"]["known-difference.txt"] = (
    "buf prints a message-valued example as Go's %v of a pointer, `&{{} [] [] 0xc000123080}` (a memory address that\n"
    "changes from run to run); the harness prints it in protobuf text format (`seconds: 5 nanos: 3`). Rule ids,\n"
    "positions, end positions and the rule's own message agree; only that value differs.\n")

pv("l_pv_invalid_durations_timestamps", """
message Window {
  google.protobuf.Duration a = 1 [(buf.validate.field).duration = {gt: {seconds: 1, nanos: -5}}];
  google.protobuf.Duration b = 2 [(buf.validate.field).duration = {lt: {nanos: 1000000000}}];
  google.protobuf.Duration c = 3 [(buf.validate.field).duration = {const: {seconds: 9223372037}}];
  google.protobuf.Timestamp d = 4 [(buf.validate.field).timestamp = {gt: {seconds: -62135596801}}];
  google.protobuf.Timestamp e = 5 [(buf.validate.field).timestamp = {lte: {seconds: 253402300800}}];
  google.protobuf.Timestamp f = 6 [(buf.validate.field).timestamp = {gte: {nanos: -1}}];
  google.protobuf.Timestamp g = 7 [(buf.validate.field).timestamp = {within: {seconds: -5}}];
  google.protobuf.Timestamp h = 8 [(buf.validate.field).timestamp = {within: {seconds: 1, nanos: -1}}];
  google.protobuf.Timestamp i = 9 [(buf.validate.field).timestamp = {within: {}}];
  google.protobuf.Duration j = 10 [(buf.validate.field).duration = {gt: {seconds: 1, nanos: -5}, lt: {seconds: 1, nanos: -5}}];
  google.protobuf.Duration k = 11 [(buf.validate.field).duration = {gt: {seconds: -1, nanos: 5}}];
  google.protobuf.Duration l = 12 [(buf.validate.field).duration = {const: {seconds: 1, nanos: -1}, gt: {seconds: 2}}];
}
""", header=PVH_WKT)
pv("l_pv_duration_timestamp_edges_ok", """
message Window {
  google.protobuf.Duration a = 1 [(buf.validate.field).duration = {lte: {seconds: 9223372036, nanos: 854775428}}];
  google.protobuf.Duration b = 2 [(buf.validate.field).duration = {gte: {seconds: -9223372036, nanos: -854775428}}];
  google.protobuf.Duration c = 3 [(buf.validate.field).duration = {gt: {nanos: 999999999}, lt: {seconds: 5}}];
  google.protobuf.Timestamp d = 4 [(buf.validate.field).timestamp = {gte: {seconds: -62135596800}}];
  google.protobuf.Timestamp e = 5 [(buf.validate.field).timestamp = {lte: {seconds: 253402300799, nanos: 999999999}}];
  google.protobuf.Timestamp f = 6 [(buf.validate.field).timestamp = {within: {nanos: 1}}];
  google.protobuf.Duration g = 7 [(buf.validate.field).duration = {gt: {seconds: -3, nanos: -5}}];
}
""", header=PVH_WKT)

pv("l_pv_cel_extensions", """
message Base {
  extensions 100 to 200;
  optional string name = 1 [(buf.validate.field).string = {min_len: 2, example: "a"}];
}

extend Base {
  optional string tag = 100 [(buf.validate.field).string = {min_len: 3}, (buf.validate.field).cel = {id: "tag", expression: "this.size() > 1"}];
  optional int32 rank = 101 [(buf.validate.field).cel_expression = "this"];
}

message Holder {
  extend Base {
    optional string nested_tag = 102 [(buf.validate.field).string = {max_len: 1}, (buf.validate.field).cel = {id: "n", expression: "this + 1"}];
  }
}
""", header=PV2H)

pv("l_pv_cel_compile_errors", """
message Errors {
  option (buf.validate.message).cel_expression = "true && 1";
  option (buf.validate.message).cel_expression = "[1].exists(x, x)";
  option (buf.validate.message).cel_expression = "[1].exists_one(x, x)";
  option (buf.validate.message).cel_expression = "[1].filter(x, x).size() > 0";
  option (buf.validate.message).cel_expression = "[1].all(x, x + 'a')";
  option (buf.validate.message).cel_expression = "this.at + 1 > now";
  option (buf.validate.message).cel_expression = "this.d.seconds > 0";
  option (buf.validate.message).cel_expression = "this.w.value > 0";
  option (buf.validate.message).cel_expression = "this.w + 'a' == 1";
  option (buf.validate.message).cel_expression = "this.any.value == 1";
  option (buf.validate.message).cel_expression = "this.st + 1 == 1";
  option (buf.validate.message).cel_expression = "this.val + 1 == 1";
  option (buf.validate.message).cel_expression = "this.lv + 1 == 1";
  option (buf.validate.message).cel_expression = "this.inner + 1 == 1";
  option (buf.validate.message).cel_expression = "this.tags + 1 == 1";
  option (buf.validate.message).cel_expression = "this.m + 1 == 1";
  option (buf.validate.message).cel_expression = "this.kind + 'a' == 1";
  option (buf.validate.message).cel_expression = "this.u + 'a' == 1";
  option (buf.validate.message).cel_expression = "this.f + 'a' == 1";
  option (buf.validate.message).cel_expression = "this.b + 1 == 1";
  option (buf.validate.message).cel_expression = "null + 1 == 1";
  option (buf.validate.message).cel_expression = "type(1) + 1 == 1";
  option (buf.validate.message).cel_expression = "this.d > duration(1)";
  option (buf.validate.message).cel_expression = "this.nope.x";
  option (buf.validate.message).cel_expression = "this.name.y";
  option (buf.validate.message).cel_expression = "this.tags.y";
  option (buf.validate.message).cel_expression = "this.inner.nope";
  option (buf.validate.message).cel_expression = "1 && 2";
  option (buf.validate.message).cel_expression = "'a' || 1";
  option (buf.validate.message).cel_expression = "1 && dyn(2)";
  option (buf.validate.message).cel_expression = "1 ? true : false";
  option (buf.validate.message).cel_expression = "!1";
  option (buf.validate.message).cel_expression = "this.at && true";
  option (buf.validate.message).cel_expression = "[this.at] + [1] == []";
  option (buf.validate.message).cel_expression = "{1: this.at}[1] == 2";
  option (buf.validate.message).cel_expression = "this.name.size() > 0 && (this.name == 'x' || this.name.size() + 'a')";
  option (buf.validate.message).cel_expression = "this.at == timestamp(1)";
  option (buf.validate.message).cel_expression = "has(this.name.x)";
  option (buf.validate.message).cel_expression = "has(1)";
  option (buf.validate.message).cel_expression = "[1].map(x, y)";
  option (buf.validate.message).cel_expression = "this.at.getHours('UTC') > 1";
  option (buf.validate.message).cel_expression = "this.at.getHours(1) > 1";
  option (buf.validate.message).cel_expression = "string(this.at) != ''";
  option (buf.validate.message).cel_expression = "this.inner == A.Inner{x: 'a'}";
  option (buf.validate.message).cel_expression = "this.inner == acme.foo.v1.Errors.Inner{z: 'a'}";
  option (buf.validate.message).cel_expression = "[1,2].all(x, x)";
  option (buf.validate.message).cel_expression = "has(this.nope)";
  option (buf.validate.message).cel_expression = "this.m.a";
  option (buf.validate.message).cel_expression = "'unterminated";
  option (buf.validate.message).cel_expression = "this..name";
  option (buf.validate.message).cel_expression = "1 ++ 2";
  message Inner {
    string x = 1;
  }
  google.protobuf.Timestamp at = 2;
  google.protobuf.Duration d = 3;
  google.protobuf.Int32Value w = 4;
  google.protobuf.Any any = 5;
  google.protobuf.Struct st = 6;
  google.protobuf.Value val = 7;
  google.protobuf.ListValue lv = 8;
  Inner inner = 9;
  repeated string tags = 10;
  map<string, int64> m = 11;
  Kind kind = 12;
  uint32 u = 13;
  float f = 14;
  bool b = 15;
  string name = 16;
}

enum Kind {
  KIND_UNSPECIFIED = 0;
  KIND_A = 1;
}
""", header=PVH + 'import "google/protobuf/any.proto";\nimport "google/protobuf/duration.proto";\nimport "google/protobuf/struct.proto";\nimport "google/protobuf/timestamp.proto";\nimport "google/protobuf/wrappers.proto";\n')

pv("l_pv_cel_this_types", """
message Types {
  repeated google.protobuf.Timestamp ts = 1 [(buf.validate.field).repeated.items.cel = {id: "a", expression: "this < now"}, (buf.validate.field).cel = {id: "b", expression: "this.all(t, t < now)"}, (buf.validate.field).cel = {id: "b2", expression: "this"}];
  map<string, google.protobuf.Duration> ds = 2 [(buf.validate.field).map.values.cel = {id: "c", expression: "this > duration('1s')"}, (buf.validate.field).cel = {id: "d", expression: "this"}];
  repeated google.protobuf.Int32Value ws = 3 [(buf.validate.field).repeated.items.cel = {id: "e", expression: "this"}, (buf.validate.field).cel = {id: "f", expression: "this"}];
  repeated Kind kinds = 4 [(buf.validate.field).cel = {id: "g", expression: "this"}, (buf.validate.field).repeated.items.cel = {id: "h", expression: "this"}];
  map<int32, B> bs = 5 [(buf.validate.field).cel = {id: "i", expression: "this"}, (buf.validate.field).map.values.cel = {id: "j", expression: "this"}, (buf.validate.field).map.keys.cel = {id: "k", expression: "this"}];
  fixed64 f64 = 6 [(buf.validate.field).cel = {id: "l", expression: "this"}];
  sfixed32 sf = 7 [(buf.validate.field).cel = {id: "m", expression: "this"}];
  float fl = 8 [(buf.validate.field).cel = {id: "n", expression: "this"}];
  bytes by = 9 [(buf.validate.field).cel = {id: "o", expression: "this"}];
  google.protobuf.Any an = 10 [(buf.validate.field).cel = {id: "p", expression: "this"}];
  google.protobuf.Struct st = 11 [(buf.validate.field).cel = {id: "q", expression: "this"}];
  google.protobuf.Value va = 12 [(buf.validate.field).cel = {id: "r", expression: "this"}];
  repeated google.protobuf.Any ans = 13 [(buf.validate.field).cel = {id: "s", expression: "this"}];
  repeated google.protobuf.Struct sts = 14 [(buf.validate.field).cel = {id: "t", expression: "this"}];
  B b = 15 [(buf.validate.field).cel = {id: "u", expression: "this.x"}];
  google.protobuf.ListValue lv = 16 [(buf.validate.field).cel = {id: "v", expression: "this"}];
  google.protobuf.BytesValue bv = 17 [(buf.validate.field).cel = {id: "w", expression: "this"}];
  google.protobuf.FloatValue fv = 18 [(buf.validate.field).cel = {id: "x", expression: "this"}];
  google.protobuf.UInt64Value uv = 19 [(buf.validate.field).cel = {id: "y", expression: "this"}];
  bool bo = 20 [(buf.validate.field).cel = {id: "z", expression: "this + 1"}];
}

message B {
  int64 x = 1;
}

enum Kind {
  KIND_UNSPECIFIED = 0;
}
""", header=PVH + 'import "google/protobuf/any.proto";\nimport "google/protobuf/duration.proto";\nimport "google/protobuf/struct.proto";\nimport "google/protobuf/timestamp.proto";\nimport "google/protobuf/wrappers.proto";\n')

def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    for name, files in CASES.items():
        for path, text in files.items():
            full = os.path.join(OUT, name, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as fh:
                fh.write(text)
        for side in ("before", "after", "input"):
            os.makedirs(os.path.join(OUT, name), exist_ok=True)
    print(len(CASES), "cases")

main()
