# {{ notice }}
#' @importFrom paws.common get_config new_operation new_request send_request
#' @include {{ svc }}_service.R
NULL
{% for op in ops %}
{{ op }}
{% endfor -%}
