resource "azurerm_container_app_environment" "main" {
  name                       = "${var.name_prefix}-env"
  location                   = azurerm_resource_group.main.location
  resource_group_name        = azurerm_resource_group.main.name
  log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id
  infrastructure_subnet_id   = azurerm_subnet.apps.id
  tags                       = var.tags

  workload_profile {
    name                  = "Consumption"
    workload_profile_type = "Consumption"
  }
}

locals {
  # Settings every process shares; secrets are referenced by name (see the secret blocks).
  shared_env = merge(local.otel_env, {
    Urls                             = "http://0.0.0.0:${local.http_port}"
    LearningOrg__Schema              = "learningorg"
    Orleans__ClusterId               = local.cluster_id
    Orleans__Membership              = var.cluster_membership
    Orleans__Schema                  = "orleans"
    Orleans__AdvertisedAddress       = "auto"
    GrainStorage__Provider           = "AzureBlob"
    Orleans__SiloPort                = tostring(local.silo_port)
    Orleans__GatewayPort             = tostring(local.gateway_port)
    Telemetry__ProjectionLagInterval = "00:00:15"
  })
  shared_secret_env = {
    ConnectionStrings__learningorg      = "postgres-connection"
    GrainStorage__AzureConnectionString = "grain-storage-connection"
    # Read only with cluster_membership = AzureTable: the membership table lives in the grain storage account.
    Orleans__AzureTableConnectionString = "grain-storage-connection"
    OTEL_EXPORTER_OTLP_HEADERS          = "otlp-headers"
  }
}

# One container app per silo, each with exactly one replica: a silo is a stateful cluster member with its own
# identity, so the platform must not add or remove replicas of it behind Orleans' back.
resource "azurerm_container_app" "silo" {
  count                        = var.silo_count
  name                         = "${var.name_prefix}-silo-${count.index}"
  container_app_environment_id = azurerm_container_app_environment.main.id
  resource_group_name          = azurerm_resource_group.main.name
  revision_mode                = "Single"
  workload_profile_name        = "Consumption"
  tags                         = var.tags

  secret {
    name  = "postgres-connection"
    value = local.connection_string
  }
  secret {
    name  = "grain-storage-connection"
    value = azurerm_storage_account.grains.primary_connection_string
  }
  secret {
    name  = "otlp-headers"
    value = var.otlp_headers
  }

  # Internal only: health probes and, when enabled, the Orleans dashboard at /dashboard.
  ingress {
    external_enabled = false
    target_port      = local.http_port
    transport        = "http"
    traffic_weight {
      latest_revision = true
      percentage      = 100
    }
  }

  template {
    min_replicas = 1
    max_replicas = 1

    container {
      name    = "silo"
      image   = var.image
      cpu     = 1
      memory  = "2Gi"
      command = ["dotnet", "/app/silo/LearningOrg.Silo.dll"]

      dynamic "env" {
        for_each = merge(local.shared_env, {
          OTEL_SERVICE_NAME           = "learningorg-silo"
          OTEL_RESOURCE_ATTRIBUTES    = "${local.otel_env.OTEL_RESOURCE_ATTRIBUTES},service.instance.id=silo-${count.index}"
          Orleans__Dashboard__Enabled = tostring(var.dashboard_enabled)
        })
        content {
          name  = env.key
          value = env.value
        }
      }

      dynamic "env" {
        for_each = local.shared_secret_env
        content {
          name        = env.key
          secret_name = env.value
        }
      }

      liveness_probe {
        transport = "HTTP"
        port      = local.http_port
        path      = "/health/live"
      }

      readiness_probe {
        transport = "HTTP"
        port      = local.http_port
        path      = "/health/ready"
      }
    }
  }
}

# The API as a cluster client (Orleans:Mode=Client): stateless, so it scales on HTTP load.
resource "azurerm_container_app" "api" {
  name                         = "${var.name_prefix}-api"
  container_app_environment_id = azurerm_container_app_environment.main.id
  resource_group_name          = azurerm_resource_group.main.name
  revision_mode                = "Single"
  workload_profile_name        = "Consumption"
  tags                         = var.tags

  secret {
    name  = "postgres-connection"
    value = local.connection_string
  }
  secret {
    name  = "grain-storage-connection"
    value = azurerm_storage_account.grains.primary_connection_string
  }
  secret {
    name  = "otlp-headers"
    value = var.otlp_headers
  }
  secret {
    name  = "research-pseudonym-key"
    value = var.research_pseudonym_key
  }

  ingress {
    external_enabled = true
    target_port      = local.http_port
    transport        = "http"
    traffic_weight {
      latest_revision = true
      percentage      = 100
    }
  }

  template {
    min_replicas = var.api_min_replicas
    max_replicas = var.api_max_replicas

    http_scale_rule {
      name                = "http-load"
      concurrent_requests = "50"
    }

    container {
      name    = "api"
      image   = var.image
      cpu     = 1
      memory  = "2Gi"
      command = ["dotnet", "/app/api/LearningOrg.Api.dll"]

      dynamic "env" {
        for_each = merge(local.shared_env, {
          OTEL_SERVICE_NAME = "learningorg-api"
          Orleans__Mode     = "Client"
          Auth__Authority   = var.auth_authority
          Auth__Audience    = var.auth_audience
        })
        content {
          name  = env.key
          value = env.value
        }
      }

      dynamic "env" {
        for_each = merge(local.shared_secret_env, { Research__PseudonymKey = "research-pseudonym-key" })
        content {
          name        = env.key
          secret_name = env.value
        }
      }

      liveness_probe {
        transport = "HTTP"
        port      = local.http_port
        path      = "/health/live"
      }

      readiness_probe {
        transport = "HTTP"
        port      = local.http_port
        path      = "/health/ready"
      }
    }
  }

  depends_on = [azurerm_container_app.silo]
}
