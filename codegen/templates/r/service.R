# {{ notice }}
#' @importFrom paws.common new_handlers new_service set_config merge_config
NULL

{{ roxygen }}
{{ svc }} <- function(config = list(), credentials = list(), endpoint = NULL, region = NULL) {
  config <- merge_config(
    config,
    list(
      credentials = credentials,
      endpoint = endpoint,
      region = region
    )
  )
  svc <- .{{ svc }}$operations
  svc <- set_config(svc, config)
  return(svc)
}

# Private API objects: metadata, handlers, interfaces, etc.
.{{ svc }} <- list()

.{{ svc }}$operations <- list()

.{{ svc }}$metadata <- list(
  service_name = {{ service_name }},
  endpoints = {{ endpoints }},
  service_id = {{ service_id }},
  api_version = {{ api_version }},
  signing_name = {{ signing_name }},
  json_version = {{ json_version }},
  target_prefix = {{ target_prefix }}
)

.{{ svc }}$service <- function(config = list(), op = NULL) {
  handlers <- new_handlers({{ protocol }}, {{ signer }})
  new_service(.{{ svc }}$metadata, handlers, config, op)
}
