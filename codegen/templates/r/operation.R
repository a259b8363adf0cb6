{{ roxygen }}
{{ function }} <- function({{ params }}) {
{%- if input_first %}
  input <- .{{ svc }}${{ op }}_input({{ input_args }})
{%- endif %}
  op <- new_operation(
    name = {{ name }},
    http_method = {{ http_method }},
    http_path = {{ http_path }},
    host_prefix = {{ host_prefix }},
    paginator = {{ paginator }},
    stream_api = {{ stream_api }}
  )
{%- if !input_first %}
  input <- .{{ svc }}${{ op }}_input({{ input_args }})
{%- endif %}
  output <- .{{ svc }}${{ op }}_output()
  config <- get_config()
  svc <- .{{ svc }}$service(config, op)
  request <- new_request(svc, op, input, output)
  response <- send_request(request)
  return(response)
}
.{{ svc }}$operations${{ op_symbol }} <- {{ function }}
