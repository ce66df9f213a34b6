/** English messages of the panels views, added by each panel's module when it loads (the tabs are in en.ts). */
export const enPanels = {
  // MatrixView
  'panels.grid.matrix': 'Matrix',
  'panels.grid.flatInput': 'Flattened input',
  'panels.grid.flatOutput': 'Flattened output',
  'panels.grid.input2d': 'Input (2-D)',
  'panels.grid.output2d': 'Output (2-D)',
  'matrix.caption': 'Matrix {m}: {rows} × {cols}',
  'matrix.vectorCaption': '{name} ({n})',
  'matrix.introConv':
    'A convolution is a matrix product. The matrix C has one row per output cell and one column per input cell; a row holds the kernel weights where that output cell’s window meets the input, and zeros everywhere else. C times the flattened input is the flattened output.',
  'matrix.introConvT':
    'A transposed convolution multiplies by Cᵀ, the transpose of the matrix C of the convolution with the same kernel going the other way. Each column of Cᵀ is one input cell’s stamp of the kernel; each row reads the input cells whose stamps reach one output cell. Cᵀ times the flattened input is the flattened output.',
  'matrix.channels': 'With several channels the vectors list channel 1’s cells row by row, then channel 2’s, and so on (NCHW order).',
  'matrix.tooLarge': 'The matrix view is for inputs up to 6 × 6 (with outputs of at most 144 cells); this input is {h} × {w}. Make the input smaller to see the matrix.',
  'matrix.tooManyCells': 'With these channels the matrix would have {rows} × {cols} cells, too many to draw. Use fewer channels or a smaller input.',
  'matrix.hint': 'Point at a matrix entry to light the input and output cells it links; point at an input or output cell to light its column or row. Click pins.',
  'matrix.cell': '({y}, {x})',
  'matrix.cellChannel': '(channel {c}: {y}, {x})',
  'matrix.hover.entry': '{m}[{row}, {col}] = {value}, kernel cell ({ky}, {kx}): output cell {output} receives {value} × input cell {input}.',
  'matrix.hover.zero': '{m}[{row}, {col}] = 0: no kernel cell links input cell {input} to output cell {output}.',
  'matrix.hover.input': 'Input cell {cell} is column {index} of {m}: it reaches {n} output cell(s).',
  'matrix.hover.output': 'Output cell {cell} is row {index} of {m}: it reads {n} input cell(s).',
  'matrix.legendZero': 'zero: no link between that input and output cell',
  'matrix.legendActive': 'the cell you point at',
  // CheckerboardView
  'panels.grid.overlap': 'Overlap count',
  'checker.intro':
    'In the scatter every input cell stamps the whole kernel onto the output, and where stamps overlap their taps add up. Each cell here counts the kernel taps that land on that output cell.',
  'checker.sameForChannels': 'The counts are the same for every channel.',
  'checker.even': 'Even: every interior cell (outlined) receives {n} kernel taps.',
  'checker.uneven': 'Uneven: interior cells (outlined) receive {counts} kernel taps. In a network that generates images this shows up as a checkerboard pattern.',
  'checker.noInterior': 'The input is too small to have an interior: every output cell is near a border. Make the input larger to see the pattern.',
  'checker.rule': 'Away from the borders the overlap is even only when the kernel size is divisible by the stride:',
  'checker.axisYes': '{axis}: k = {k}, s = {s}: {k} is divisible by {s}.',
  'checker.axisNo': '{axis}: k = {k}, s = {s}: {k} is not divisible by {s}.',
  'checker.dilated': 'With dilation the taps are d cells apart, so where they land depends on d as well: the counts above are what decide.',
  'checker.fix':
    'The fix: choose a kernel size divisible by the stride (k = 4 with s = 2, as many image generators do), or resize first (nearest-neighbour or bilinear upsampling by s) and then apply an ordinary stride-1 convolution. See Odena, Dumoulin and Olah, “Deconvolution and Checkerboard Artifacts”, Distill 2016.',
  'checker.fixed':
    'This choice avoids the checkerboard away from the borders. The other cure is to resize first (nearest-neighbour or bilinear upsampling) and then apply an ordinary stride-1 convolution. See Odena, Dumoulin and Olah, “Deconvolution and Checkerboard Artifacts”, Distill 2016.',
  'checker.try': 'Try kernel {kh} × {kw}',
  'checker.legendInterior': 'interior: every stamp that could reach the cell exists',
  'checker.conv':
    'The checkerboard belongs to the transposed convolution. It stamps the kernel onto the output, and when the stride does not divide the kernel size the stamps overlap unevenly. A convolution computes each output cell from exactly one window, so it has no such pattern; its gradient, the transposed convolution, does.',
  'checker.switch': 'Show the transposed convolution',
  // RoundTripView
  'panels.grid.roundTrip': 'Round trip',
  'panels.grid.convOfX': 'conv(x)',
  'panels.grid.convTOfX': 'convT(x)',
  'roundtrip.introConv':
    'Convolve, then apply the transposed convolution with the same kernel, stride, padding and dilation (and the output padding that picks the original size).',
  'roundtrip.introConvT': 'Transposed-convolve, then apply the convolution with the same kernel and parameters: the convolution is the way back.',
  'roundtrip.shape': 'The shape comes back: {a} → {b} → {c}.',
  'roundtrip.differ': 'The values do not: {n} of {total} cells differ (marked ≠): {cells}.',
  'roundtrip.more': '{cells} and {n} more',
  'roundtrip.same': 'Here every value came back too; in general they do not.',
  'roundtrip.why':
    'A transposed convolution is not an inverse. It sends each number back along the links it came through, weighted by the same kernel, so every input cell receives a weighted sum of the cells it fed: the shape is undone, the arithmetic is not.',
  // GradientView
  'panels.grid.upstream': 'y (upstream gradient)',
  'panels.grid.convTOfY': 'convT(y)',
  'panels.grid.convOfY': 'conv(y)',
  'gradient.introConv':
    'The transposed convolution is the gradient of the convolution with respect to its input. In backpropagation the gradient of the loss arrives at the output as y = ∂L/∂out; the gradient at the input is ∂L/∂x = convT(y), the transposed convolution with the same kernel (TensorFlow calls it conv2d_backprop_input).',
  'gradient.introConvT':
    'The convolution is the gradient of the transposed convolution with respect to its input: with y = ∂L/∂out arriving at the output, ∂L/∂x = conv(y) with the same kernel.',
  'gradient.whyConv':
    'Why: the two are adjoint. For every x and y, ⟨conv(x), y⟩ = ⟨x, convT(y)⟩, where ⟨a, b⟩ multiplies matching cells and adds the products. Here it is with the numbers on the page; y stands in for the upstream gradient (small seeded integers).',
  'gradient.whyConvT':
    'Why: the two are adjoint. For every x and y, ⟨convT(x), y⟩ = ⟨x, conv(y)⟩, where ⟨a, b⟩ multiplies matching cells and adds the products. Here it is with the numbers on the page; y stands in for the upstream gradient (small seeded integers).',
  'gradient.sums': 'Inner products',
  'gradient.lhsConv': '⟨conv(x), y⟩',
  'gradient.rhsConv': '⟨x, convT(y)⟩',
  'gradient.lhsConvT': '⟨convT(x), y⟩',
  'gradient.rhsConvT': '⟨x, conv(y)⟩',
  'gradient.equal': 'Equal: {a} = {b}.',
  'gradient.unequal': 'The two inner products differ ({a} and {b}): this is a bug, please report it.',
  'gradient.matrixConv': 'In the matrix view this is (Cx)·y = x·(Cᵀy): the transposed convolution multiplies by Cᵀ.',
  'gradient.matrixConvT': 'In the matrix view this is (Cᵀx)·y = x·(Cy): the convolution multiplies by C.',
} as const;
