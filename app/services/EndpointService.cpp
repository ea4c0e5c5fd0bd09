#include "EndpointService.h"
