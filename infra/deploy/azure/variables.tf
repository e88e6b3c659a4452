variable "subscription_id" {
  description = "The Azure subscription to deploy into."
  type        = string
}

variable "location" {
  description = "Azure region for every resource."
  type        = string
  default     = "westeurope"
}

variable "name_prefix" {
  description = "Prefix of every resource name (lower-case letters and digits, 3 to 12 characters)."
  type        = string
  default     = "learningorg"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{2,11}$", var.name_prefix))
    error_message = "name_prefix must be 3 to 12 lower-case letters or digits, starting with a letter."
  }
}

variable "image" {
  description = "The container image holding src/Api and src/Silo (for example myregistry.azurecr.io/learningorg:1.0.0)."
  type        = string
}

variable "silo_count" {
  description = "Number of standalone silo container apps (each one replica, so each silo keeps a stable identity)."
  type        = number
  default     = 3

  validation {
    condition     = var.silo_count >= 1
    error_message = "At least one silo is needed."
  }
}

variable "api_min_replicas" {
  description = "Least number of API replicas (Orleans:Mode=Client)."
  type        = number
  default     = 2
}

variable "api_max_replicas" {
  description = "Largest number of API replicas."
  type        = number
  default     = 5
}

variable "postgres_version" {
  description = "PostgreSQL major version of the flexible server."
  type        = string
  default     = "16"
}

variable "postgres_sku" {
  description = "Flexible server SKU."
  type        = string
  default     = "GP_Standard_D2ds_v5"
}

variable "postgres_storage_mb" {
  description = "Flexible server storage in MB."
  type        = number
  default     = 65536
}

variable "postgres_admin_login" {
  description = "Administrator login of the flexible server."
  type        = string
  default     = "learningorg"
}

variable "otlp_endpoint" {
  description = "OTLP endpoint of the OpenTelemetry collector every process exports to (OTEL_EXPORTER_OTLP_ENDPOINT)."
  type        = string
}

variable "otlp_protocol" {
  description = "OTEL_EXPORTER_OTLP_PROTOCOL: grpc or http/protobuf."
  type        = string
  default     = "grpc"

  validation {
    condition     = contains(["grpc", "http/protobuf"], var.otlp_protocol)
    error_message = "otlp_protocol must be grpc or http/protobuf."
  }
}

variable "otlp_headers" {
  description = "OTEL_EXPORTER_OTLP_HEADERS (for example an API key: key=value,key2=value2); kept as a secret, which Container Apps requires to be non-empty."
  type        = string
  default     = "x-otlp-source=learningorg"
  sensitive   = true

  validation {
    condition     = length(var.otlp_headers) > 0
    error_message = "otlp_headers must not be empty (a Container Apps secret needs a value); keep the default when the collector needs no header."
  }
}

variable "research_pseudonym_key" {
  description = "Research:PseudonymKey, the secret keying teacher pseudonyms in exports. Keep it for as long as pseudonyms must stay stable."
  type        = string
  sensitive   = true
}

variable "auth_authority" {
  description = "Auth:Authority, the OpenID Connect provider whose tokens the API accepts (for example an Entra ID tenant's v2.0 issuer)."
  type        = string
}

variable "auth_audience" {
  description = "Auth:Audience, the audience the provider's tokens must carry for the API."
  type        = string
  default     = "learningorg-api"
}

variable "cluster_membership" {
  description = "Where the silos meet (Orleans:Membership): AdoNet, the tables of infra/orleans/postgresql/clustering.sql on the PostgreSQL server, or AzureTable, a table in the grain storage account that Orleans creates itself."
  type        = string
  default     = "AdoNet"

  validation {
    condition     = contains(["AdoNet", "AzureTable"], var.cluster_membership)
    error_message = "cluster_membership must be AdoNet or AzureTable."
  }
}

variable "dashboard_enabled" {
  description = "Orleans:Dashboard:Enabled on the silos (served at /dashboard on each silo's internal HTTP port)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags on every resource."
  type        = map(string)
  default     = { application = "learningorg" }
}
