/// @file litmine/litmine.h
/// The whole public API of liblitmine.
#ifndef LITMINE_H
#define LITMINE_H
#include "core.h"
#include "corpus.h"
#include "fetch.h"
#include "pipeline.h"
#include "extract.h"
#endif
