# {{ notice }}
#' @importFrom paws.common populate
#' @include {{ svc }}_service.R
NULL
{% for i in interfaces %}
{{ i }}
{% endfor -%}
