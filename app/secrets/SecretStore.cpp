#include "SecretStore.h"
