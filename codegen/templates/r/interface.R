{%- match shape %}
{%- when Some with (shape) %}
.{{ svc }}${{ name }} <- function(...) {
  args <- c(as.list(environment()), list(...))
  shape <- {{ shape }}
  return(populate(args, shape))
}
{%- when None %}
.{{ svc }}${{ name }} <- function(...) {
  list()
}
{%- endmatch %}
